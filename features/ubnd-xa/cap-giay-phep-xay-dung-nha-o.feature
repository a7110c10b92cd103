# language: vi
Tính năng: QT-XD-01 Cấp giấy phép xây dựng nhà ở riêng lẻ tại UBND xã
  Thời hạn 15 ngày (làm việc) kể từ ngày nhận đủ hồ sơ hợp lệ (Luật Xây dựng, Điều 102 – nhớ lại,
  cần kiểm tra). Luật Xây dựng không quy định giờ chốt; quy tắc chung 15 giờ của Điều 18
  Nghị định 61/2018/NĐ-CP (chế độ pháp lý mặc định của isoflow) vẫn áp dụng: hồ sơ nhận sau
  15 giờ tính thời hạn từ đầu ngày làm việc tiếp theo.

  Bối cảnh:
    Biết quy trình "QT-XD-01" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "dinh.thanh" giữ vai trò "chuyen-vien"
    Và "pham.chi" giữ vai trò "lanh-dao"
    Và "vo.dung" giữ vai trò "van-thu"
    Và người nộp hồ sơ là "Trịnh Văn Quý"

  Kịch bản: QT-XD-01 hồ sơ hợp lệ, phù hợp quy hoạch, cấp giấy phép sớm hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 08:00 ngày 25/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường             | giá trị   |
      | ho_so_day_du       | có        |
      | so_tang            | 4         |
      | tong_dien_tich_san | 320.5     |
      | hinh_thuc_nhan     | truc_tiep |
    Thì phiếu "giay-tiep-nhan" có nội dung "Trịnh Văn Quý"
    Khi "le.an" thực hiện "ban_giao"
    Thì hồ sơ ở bước "tham_dinh"
    Và hạn của bước hiện tại là 08:00 ngày 18/03/2026
    Khi 7 ngày làm việc trôi qua
    Và "dinh.thanh" thực hiện "trinh"
      | trường               | giá trị |
      | du_dieu_kien         | có      |
      | phu_hop_quy_hoach    | có      |
      | da_kiem_tra_thuc_dia | có      |
    Thì bước "tham_dinh" hoàn thành "sớm hạn"
    Khi 1 ngày làm việc trôi qua
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị      |
      | so_ky_hieu | 08/GPXD-UBND |
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-XD-01 sau thẩm định yêu cầu bổ sung bản vẽ, thời hạn tính lại từ đầu
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường             | giá trị   |
      | ho_so_day_du       | có        |
      | so_tang            | 5         |
      | tong_dien_tich_san | 410       |
      | hinh_thuc_nhan     | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và 2 ngày làm việc trôi qua
    Và "dinh.thanh" thực hiện "yeu_cau_bo_sung"
      | trường           | giá trị                                                              |
      | noi_dung_bo_sung | Bản vẽ mặt bằng móng và sơ đồ đấu nối thoát nước với hệ thống chung  |
    Thì hồ sơ ở bước "cho_bo_sung"
    Và phiếu "phieu-bo-sung" có nội dung "Bản vẽ mặt bằng móng"
    Khi đồng hồ chuyển đến 14:00 ngày 16/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hồ sơ ở bước "tiep_nhan"
    Và hạn trả kết quả là 14:00 ngày 06/04/2026

  Kịch bản: QT-XD-01 công trình không phù hợp quy hoạch, từ chối cấp giấy phép
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường             | giá trị   |
      | ho_so_day_du       | có        |
      | so_tang            | 6         |
      | tong_dien_tich_san | 480       |
      | hinh_thuc_nhan     | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "dinh.thanh" thực hiện "trinh"
      | trường               | giá trị |
      | du_dieu_kien         | không   |
      | phu_hop_quy_hoach    | không   |
      | da_kiem_tra_thuc_dia | có      |
    Và "pham.chi" thực hiện "ky_tu_choi"
      | trường | giá trị                                                                     |
      | ly_do  | Công trình vi phạm chỉ giới xây dựng theo quy hoạch chi tiết tỷ lệ 1/500 được duyệt |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" có nội dung "vi phạm chỉ giới xây dựng"

  Kịch bản: QT-XD-01 thẩm định chậm do chờ ý kiến về hạ tầng, xin lỗi và hẹn lại
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường             | giá trị   |
      | ho_so_day_du       | có        |
      | so_tang            | 3         |
      | tong_dien_tich_san | 250       |
      | hinh_thuc_nhan     | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 09:00 ngày 19/03/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi đồng hồ chuyển đến 09:00 ngày 23/03/2026
    Và "pham.chi" thực hiện "xin_loi"
      | trường       | giá trị                                                               |
      | ly_do        | Chờ ý kiến của đơn vị quản lý hạ tầng kỹ thuật về đấu nối thoát nước  |
      | ngay_hen_moi | 2026-04-01T17:00                                                      |
    Thì phiếu "phieu-xin-loi" có nội dung "đấu nối thoát nước"
    Và hạn trả kết quả là 17:00 ngày 01/04/2026
    Khi đồng hồ chuyển đến 09:00 ngày 30/03/2026
    Và "dinh.thanh" thực hiện "trinh"
      | trường               | giá trị |
      | du_dieu_kien         | có      |
      | phu_hop_quy_hoach    | có      |
      | da_kiem_tra_thuc_dia | có      |
    Thì bước "tham_dinh" hoàn thành "quá hạn"
    Khi "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị      |
      | so_ky_hieu | 11/GPXD-UBND |
    Và đồng hồ chuyển đến 17:00 ngày 01/04/2026
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "đúng hạn"

  Kịch bản: QT-XD-01 không được gia hạn lần thứ hai
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường             | giá trị   |
      | ho_so_day_du       | có        |
      | so_tang            | 3         |
      | tong_dien_tich_san | 250       |
      | hinh_thuc_nhan     | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 09:00 ngày 20/03/2026
    Và "pham.chi" thực hiện "xin_loi"
      | trường       | giá trị                               |
      | ly_do        | Chờ kết quả kiểm tra thực địa lần hai |
      | ngay_hen_moi | 2026-04-01T17:00                      |
    Và đồng hồ chuyển đến 09:00 ngày 27/03/2026
    Và "pham.chi" thử thực hiện "xin_loi"
      | trường       | giá trị                  |
      | ly_do        | Tiếp tục chờ ý kiến      |
      | ngay_hen_moi | 2026-04-10T17:00         |
    Thì thao tác bị từ chối vì "điều kiện"
    Và hạn trả kết quả là 17:00 ngày 01/04/2026

  Kịch bản: QT-XD-01 hồ sơ tiếp nhận thứ Sáu trước Tết, thời hạn tính tiếp sau kỳ nghỉ
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 10:00 ngày 13/03/2026

  Kịch bản: QT-XD-01 thứ Bảy 22/08/2026 làm bù được tính là ngày làm việc
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 10/08/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 08:00 ngày 28/08/2026

  Kịch bản: QT-XD-01 hồ sơ nhận lúc 15 giờ tính thời hạn ngay từ lúc tiếp nhận
    Khi hồ sơ được tiếp nhận lúc 15:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 15:00 ngày 25/03/2026

  Kịch bản: QT-XD-01 hồ sơ nhận lúc 16 giờ tính thời hạn từ ngày làm việc tiếp theo
    Khi hồ sơ được tiếp nhận lúc 16:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 25/03/2026

  Kịch bản: QT-XD-01 chuyên viên thẩm định không được ký giấy phép
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường             | giá trị   |
      | ho_so_day_du       | có        |
      | so_tang            | 2         |
      | tong_dien_tich_san | 150       |
      | hinh_thuc_nhan     | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "dinh.thanh" thực hiện "trinh"
      | trường               | giá trị |
      | du_dieu_kien         | có      |
      | phu_hop_quy_hoach    | có      |
      | da_kiem_tra_thuc_dia | có      |
    Và "dinh.thanh" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "vai trò"
    Và hồ sơ ở bước "ky_duyet"
