# language: vi
Tính năng: QT-DD-01 Công bố danh mục khu đất dự kiến thực hiện dự án nhà ở thương mại
  Thời hạn liên thông 23 ngày (làm việc): 15 ngày tại Sở Nông nghiệp và Môi trường (Trung tâm
  tiếp nhận 1 ngày, Phòng Quản lý đất đai thẩm định 12 ngày, lãnh đạo Sở 1 ngày, Sở trình UBND
  tỉnh 1 ngày) và 8 ngày tại UBND tỉnh (Văn phòng tiếp nhận 0,5 ngày, công bố 2,5 ngày, văn bản
  chấp thuận 5 ngày, trả kết quả 0 ngày). Giờ chốt 15 giờ theo Nghị định 61/2018/NĐ-CP, Điều 18.

  Bối cảnh:
    Biết quy trình "QT-DD-01" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "vuong.huong" giữ vai trò "chuyen-vien"
    Và "ha.dong" giữ vai trò "lanh-dao"
    Và "vo.dung" giữ vai trò "van-thu"
    Và "kieu.trang" giữ vai trò "chuyen-vien-vp-ubnd"
    Và "mai.tuan" giữ vai trò "lanh-dao-ubnd"
    Và người nộp hồ sơ là "Công ty Cổ phần Đầu tư Phát triển Nhà Sông Hồng"

  Kịch bản: QT-DD-01 hai giai đoạn liên thông Sở – UBND tỉnh, trả kết quả sớm hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 08:00 ngày 06/04/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Thì phiếu "giay-tiep-nhan" có nội dung "Sông Hồng"
    Khi 4 giờ làm việc trôi qua
    Và "le.an" thực hiện "ban_giao"
    Thì hồ sơ ở bước "tham_dinh"
    Và hạn của bước hiện tại là 13:30 ngày 20/03/2026
    Khi 10 ngày làm việc trôi qua
    Và "vuong.huong" thực hiện "trinh"
      | trường            | giá trị |
      | du_dieu_kien      | có      |
      | phu_hop_quy_hoach | có      |
      | dien_tich_ha      | 12.5    |
    Thì bước "tham_dinh" hoàn thành "sớm hạn"
    Khi 1 ngày làm việc trôi qua
    Và "ha.dong" thực hiện "ky"
    Và 4 giờ làm việc trôi qua
    Và "vo.dung" thực hiện "trinh_ubnd"
      | trường      | giá trị          |
      | so_to_trinh | 85/TTr-SNNMT     |
    Thì hồ sơ ở bước "vp_ubnd_tiep_nhan"
    Khi 4 giờ làm việc trôi qua
    Và "kieu.trang" thực hiện "trinh_lanh_dao_ubnd"
    Và 2 ngày làm việc trôi qua
    Và "mai.tuan" thực hiện "cong_bo"
      | trường                | giá trị        |
      | so_quyet_dinh_cong_bo | 612/QĐ-UBND    |
    Thì hồ sơ ở bước "chap_thuan"
    Khi 3 ngày làm việc trôi qua
    Và "mai.tuan" thực hiện "chap_thuan"
      | trường                | giá trị        |
      | so_van_ban_chap_thuan | 1408/UBND-KT   |
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-DD-01 sau thẩm định yêu cầu bổ sung trích đo địa chính, thời hạn tính lại từ đầu
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và 2 ngày làm việc trôi qua
    Và "vuong.huong" thực hiện "yeu_cau_bo_sung"
      | trường           | giá trị                                                          |
      | noi_dung_bo_sung | Trích đo địa chính khu đất tỷ lệ 1/1000 có xác nhận của cơ quan có thẩm quyền |
    Thì hồ sơ ở bước "cho_bo_sung"
    Và phiếu "phieu-bo-sung" được cấp
    Và phiếu "phieu-bo-sung" có nội dung "Trích đo địa chính khu đất"
    Khi đồng hồ chuyển đến 14:00 ngày 16/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hồ sơ ở bước "tiep_nhan"
    Và hạn trả kết quả là 14:00 ngày 16/04/2026

  Kịch bản: QT-DD-01 khu đất không phù hợp quy hoạch sử dụng đất, Sở từ chối đề xuất
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "vuong.huong" thực hiện "trinh"
      | trường            | giá trị |
      | du_dieu_kien      | không   |
      | phu_hop_quy_hoach | không   |
      | dien_tich_ha      | 8       |
    Và "ha.dong" thực hiện "ky_tu_choi"
      | trường | giá trị                                                                     |
      | ly_do  | Khu đất là đất trồng lúa không có trong kế hoạch sử dụng đất cấp tỉnh năm 2026 |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" có nội dung "kế hoạch sử dụng đất cấp tỉnh"

  Kịch bản: QT-DD-01 thẩm định chậm do lấy ý kiến Sở Xây dựng, xin lỗi và hẹn lại
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 09:00 ngày 23/03/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "ha.dong" thực hiện "xin_loi"
      | trường       | giá trị                                                  |
      | ly_do        | Chờ ý kiến của Sở Xây dựng về quy hoạch phân khu đô thị  |
      | ngay_hen_moi | 2026-04-10T17:00                                         |
    Thì phiếu "phieu-xin-loi" được cấp
    Và phiếu "phieu-xin-loi" có nội dung "quy hoạch phân khu đô thị"
    Và hạn trả kết quả là 17:00 ngày 10/04/2026
    Khi đồng hồ chuyển đến 09:00 ngày 25/03/2026
    Và "vuong.huong" thực hiện "trinh"
      | trường            | giá trị |
      | du_dieu_kien      | có      |
      | phu_hop_quy_hoach | có      |
      | dien_tich_ha      | 20      |
    Thì bước "tham_dinh" hoàn thành "quá hạn"
    Khi "ha.dong" thực hiện "ky"
    Và "vo.dung" thực hiện "trinh_ubnd"
      | trường      | giá trị      |
      | so_to_trinh | 97/TTr-SNNMT |
    Và "kieu.trang" thực hiện "trinh_lanh_dao_ubnd"
    Và "mai.tuan" thực hiện "cong_bo"
      | trường                | giá trị     |
      | so_quyet_dinh_cong_bo | 700/QĐ-UBND |
    Và "mai.tuan" thực hiện "chap_thuan"
      | trường                | giá trị      |
      | so_van_ban_chap_thuan | 1600/UBND-KT |
    Và đồng hồ chuyển đến 17:00 ngày 10/04/2026
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "đúng hạn"

  Kịch bản: QT-DD-01 hồ sơ nộp thứ Sáu trước Tết, thời hạn tính tiếp sau kỳ nghỉ
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 10:00 ngày 25/03/2026

  Kịch bản: QT-DD-01 thứ Bảy 22/08/2026 làm bù được tính, nghỉ 31/08 và Quốc khánh 01–02/09 không tính
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 10/08/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 08:00 ngày 14/09/2026

  # Không có mốc 15 giờ riêng: thời hạn tính từ lúc tiếp nhận (15:01 thứ Tư 04/03 + 23 ngày làm việc
  # = 15:01 thứ Hai 06/04); mốc 15 giờ của Nghị định 61/2018 Điều 18 chỉ dời bước chuyển hồ sơ.
  Kịch bản: QT-DD-01 hồ sơ nộp sau 15 giờ vẫn tính thời hạn từ lúc tiếp nhận
    Khi hồ sơ được tiếp nhận lúc 15:01 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 15:01 ngày 06/04/2026

  Kịch bản: QT-DD-01 chuyên viên Văn phòng UBND tỉnh vừa trình không được tự công bố danh mục
    Biết "kieu.trang" giữ vai trò "lanh-dao-ubnd"
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "vuong.huong" thực hiện "trinh"
      | trường            | giá trị |
      | du_dieu_kien      | có      |
      | phu_hop_quy_hoach | có      |
      | dien_tich_ha      | 12.5    |
    Và "ha.dong" thực hiện "ky"
    Và "vo.dung" thực hiện "trinh_ubnd"
      | trường      | giá trị      |
      | so_to_trinh | 99/TTr-SNNMT |
    Và "ha.dong" thử thực hiện "trinh_lanh_dao_ubnd"
    Thì thao tác bị từ chối vì "vai trò"
    Khi "kieu.trang" thực hiện "trinh_lanh_dao_ubnd"
    Và "kieu.trang" thử thực hiện "cong_bo"
      | trường                | giá trị     |
      | so_quyet_dinh_cong_bo | 701/QĐ-UBND |
    Thì thao tác bị từ chối vì "tự phê duyệt"
    Và hồ sơ ở bước "cong_bo"
