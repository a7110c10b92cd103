# language: vi
Tính năng: QT-XD-01 Cấp giấy phép xây dựng nhà ở riêng lẻ tại UBND xã
  Hồ sơ nộp đến hết 30/6/2026 (lần ban hành 1): thời hạn 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ
  (Luật Xây dựng, Điều 102 – nhớ lại, cần kiểm tra), tính theo Bộ luật Dân sự: không tính ngày nhận
  hồ sơ (Điều 147 khoản 2), kết thúc lúc 24 giờ ngày thứ 15 (Điều 148 khoản 1, 6), ngày cuối là ngày
  nghỉ thì kết thúc vào cuối ngày làm việc tiếp theo (Điều 148 khoản 5).
  Hồ sơ nộp từ 01/7/2026 (lần ban hành 2): 07 ngày làm việc (Nghị định 217/2026/NĐ-CP, Điều 54
  khoản 1 điểm b). Không có giờ chốt riêng: thời hạn tính từ lúc tiếp nhận; mốc 15 giờ của Nghị định
  61/2018/NĐ-CP Điều 18 khoản 2 chỉ dời thời hạn của bước chuyển hồ sơ.

  Bối cảnh:
    Biết quy trình "QT-XD-01" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "dinh.thanh" giữ vai trò "chuyen-vien"
    Và "pham.chi" giữ vai trò "lanh-dao"
    Và "vo.dung" giữ vai trò "van-thu"
    Và người nộp hồ sơ là "Trịnh Văn Quý"

  # Nhận thứ Tư 04/03 (không tính); ngày thứ 15 là thứ Năm 19/03, ngày làm việc → 24:00 ngày 19/03.
  Kịch bản: QT-XD-01 hồ sơ hợp lệ, phù hợp quy hoạch, cấp giấy phép sớm hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 24:00 ngày 19/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường             | giá trị   |
      | ho_so_day_du       | có        |
      | so_tang            | 4         |
      | tong_dien_tich_san | 320.5     |
      | hinh_thuc_nhan     | truc_tiep |
    Thì phiếu "giay-tiep-nhan" có nội dung "Trịnh Văn Quý"
    Khi "le.an" thực hiện "ban_giao"
    Thì hồ sơ ở bước "tham_dinh"
    Và hạn của bước hiện tại là 08:00 ngày 13/03/2026
    Khi 6 ngày làm việc trôi qua
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
    # Nhận đủ lúc 14:00 thứ Hai 16/03: thời hạn tính lại từ đầu; ngày thứ 15 là thứ Ba 31/03.
    Khi đồng hồ chuyển đến 14:00 ngày 16/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hồ sơ ở bước "tiep_nhan"
    Và hạn trả kết quả là 24:00 ngày 31/03/2026

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
    Và đồng hồ chuyển đến 09:00 ngày 16/03/2026
    Thì danh sách quá hạn có hồ sơ này
    # Hẹn 24:00 ngày 19/03; lúc 09:00 ngày 17/03 còn 23 giờ làm việc (ít nhất 01 ngày làm việc).
    Khi đồng hồ chuyển đến 09:00 ngày 17/03/2026
    Và "pham.chi" thực hiện "xin_loi"
      | trường       | giá trị                                                               |
      | ly_do        | Chờ ý kiến của đơn vị quản lý hạ tầng kỹ thuật về đấu nối thoát nước  |
      | ngay_hen_moi | 2026-04-01T17:00                                                      |
    Thì phiếu "phieu-xin-loi" có nội dung "đấu nối thoát nước"
    Và phiếu "phieu-xin-loi" có nội dung "24 giờ 00 phút"
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
    Và đồng hồ chuyển đến 09:00 ngày 16/03/2026
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

  # 15 ngày tính cả Tết (nghỉ 14–22/02): nhận thứ Sáu 13/02, ngày thứ 15 là thứ Bảy 28/02, ngày nghỉ
  # → kết thúc vào cuối ngày làm việc tiếp theo, thứ Hai 02/03 (Bộ luật Dân sự, Điều 148 khoản 5).
  Kịch bản: QT-XD-01 hồ sơ tiếp nhận thứ Sáu trước Tết, ngày cuối rơi vào thứ Bảy thì chuyển sang thứ Hai
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 24:00 ngày 02/03/2026

  # Tính theo ngày: giờ nhận không làm đổi ngày hẹn (không có mốc 15 giờ riêng).
  Kịch bản: QT-XD-01 hồ sơ nhận lúc 15 giờ hay 16 giờ cùng kết thúc lúc 24 giờ ngày thứ 15
    Khi hồ sơ được tiếp nhận lúc 15:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 24:00 ngày 19/03/2026
    Khi hồ sơ được tiếp nhận lúc 16:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 24:00 ngày 19/03/2026

  # Nộp ngày 30/6/2026: vẫn theo lần ban hành 1 (Nghị định 217/2026/NĐ-CP, Điều 76 khoản 19); ngày thứ
  # 15 là thứ Tư 15/07.
  Kịch bản: QT-XD-01 hồ sơ nộp ngày 30/6/2026 giải quyết theo quy định cũ, 15 ngày
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 30/06/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 24:00 ngày 15/07/2026

  # Lần ban hành 2: 07 ngày làm việc kể từ khi nhận đủ hồ sơ: thứ Tư 01/07 + 2, 3, 6, 7, 8, 9, 10/07.
  Kịch bản: QT-XD-01 hồ sơ nộp từ 01/7/2026: 07 ngày làm việc theo Nghị định 217/2026
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 01/07/2026 qua kênh "trực tuyến"
    Thì hạn trả kết quả là 08:00 ngày 10/07/2026

  # Thứ Bảy 22/08/2026 làm bù: nhận thứ Ba 18/08, 07 ngày làm việc là 19, 20, 21, 22, 24, 25, 26/08.
  Kịch bản: QT-XD-01 thứ Bảy 22/08/2026 làm bù được tính là ngày làm việc
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 18/08/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 08:00 ngày 26/08/2026

  # Nhận 16:00 thứ Tư 01/07: hẹn 16:00 thứ Sáu 10/07 (tính từ lúc nhận). Kiểm tra xong 16:10, sau
  # 15 giờ: bước chuyển hồ sơ (0,5 ngày = 4 giờ) tính từ 07:30 thứ Năm 02/07 (Nghị định 61/2018
  # Điều 18 khoản 2) → hạn 11:30; bàn giao 08:00 sáng hôm sau là sớm hạn, không quá hạn.
  Kịch bản: QT-XD-01 kiểm tra lúc 16:10, chuyển hồ sơ 08:00 sáng hôm sau không bị quá hạn
    Khi hồ sơ được tiếp nhận lúc 16:00 ngày 01/07/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 16:00 ngày 10/07/2026
    Khi đồng hồ chuyển đến 16:10 ngày 01/07/2026
    Và "le.an" thực hiện "kiem_tra"
      | trường             | giá trị   |
      | ho_so_day_du       | có        |
      | so_tang            | 3         |
      | tong_dien_tich_san | 250       |
      | hinh_thuc_nhan     | truc_tiep |
    Thì hạn của bước hiện tại là 11:30 ngày 02/07/2026
    Khi đồng hồ chuyển đến 08:00 ngày 02/07/2026
    Và "le.an" thực hiện "ban_giao"
    Thì bước "chuyen" hoàn thành "sớm hạn"
    Và hồ sơ ở bước "tham_dinh"

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
