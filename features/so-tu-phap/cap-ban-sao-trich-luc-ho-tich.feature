# language: vi
Tính năng: QT-HT-05 Cấp bản sao trích lục hộ tịch tại Sở Tư pháp
  Trả kết quả trong ngày; tiếp nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo
  (quy trình nội bộ theo Quyết định 1811/QĐ-TTPVHCC). Sở Tư pháp tra cứu Sổ hộ tịch, Cơ sở dữ
  liệu hộ tịch điện tử, lãnh đạo ký, văn thư cho số và phát hành, Trung tâm Phục vụ hành chính
  công tỉnh trả kết quả (có kết quả điện tử).

  Bối cảnh:
    Biết quy trình "QT-HT-05" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "tran.binh" giữ vai trò "chuyen-vien"
    Và "pham.chi" giữ vai trò "lanh-dao"
    Và "vo.dung" giữ vai trò "van-thu"
    Và người nộp hồ sơ là "Đặng Thị Hoa"

  Kịch bản: QT-HT-05 tra cứu được sự kiện hộ tịch, trả bản sao trích lục trong ngày sớm hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 05/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Thì hồ sơ ở bước "chuyen"
    Và phiếu "giay-tiep-nhan" có nội dung "Đặng Thị Hoa"
    Và phiếu "giay-tiep-nhan" có nội dung "Cấp bản sao trích lục hộ tịch"
    Và hạn của bước hiện tại là 08:30 ngày 05/03/2026
    Khi "le.an" thực hiện "ban_giao"
    Thì hồ sơ ở bước "tham_dinh"
    Và hạn của bước hiện tại là 11:00 ngày 05/03/2026
    Khi 2 giờ làm việc trôi qua
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Thì bước "tham_dinh" hoàn thành "sớm hạn"
    Khi 1 giờ làm việc trôi qua
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị          |
      | so_ky_hieu | 356/2026/TLKS-BS |
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-HT-05 nộp trực tuyến, trả kết quả điện tử đúng 17 giờ là đúng hạn
    Khi hồ sơ được tiếp nhận lúc 13:00 ngày 05/03/2026 qua kênh "trực tuyến"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị    |
      | ho_so_day_du   | có         |
      | hinh_thuc_nhan | truc_tuyen |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị          |
      | so_ky_hieu | 357/2026/TLKH-BS |
    Và đồng hồ chuyển đến 17:00 ngày 05/03/2026
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "đúng hạn"

  Kịch bản: QT-HT-05 thiếu văn bản ủy quyền, bổ sung hôm sau thì thời hạn tính lại từ đầu
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường           | giá trị                                                                       |
      | ho_so_day_du     | không                                                                         |
      | noi_dung_bo_sung | Văn bản ủy quyền được chứng thực của người có quyền yêu cầu cấp bản sao trích lục |
    Thì hồ sơ ở bước "cho_bo_sung"
    Và phiếu "phieu-bo-sung" có nội dung "Văn bản ủy quyền được chứng thực"
    Và phiếu "phieu-bo-sung" có nội dung "Đặng Thị Hoa"
    Khi đồng hồ chuyển đến 14:00 ngày 06/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hồ sơ ở bước "tiep_nhan"
    Và hạn trả kết quả là 17:00 ngày 06/03/2026

  Kịch bản: QT-HT-05 bổ sung sau 15 giờ thì trả kết quả ngày làm việc tiếp theo
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường           | giá trị                                    |
      | ho_so_day_du     | không                                      |
      | noi_dung_bo_sung | Tờ khai cấp bản sao trích lục hộ tịch theo mẫu |
    Và đồng hồ chuyển đến 16:10 ngày 06/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hạn trả kết quả là 17:00 ngày 09/03/2026

  Kịch bản: QT-HT-05 không tìm thấy sự kiện hộ tịch, lãnh đạo ký văn bản từ chối
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | không   |
    Và "pham.chi" thực hiện "ky_tu_choi"
      | trường | giá trị                                                                                   |
      | ly_do  | Không tìm thấy thông tin sự kiện khai sinh trong Sổ hộ tịch và Cơ sở dữ liệu hộ tịch điện tử |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" có nội dung "Không tìm thấy thông tin sự kiện khai sinh"
    Và phiếu "phieu-tu-choi" có nội dung "Đặng Thị Hoa"

  Kịch bản: QT-HT-05 người không có quyền yêu cầu, từ chối tiếp nhận tại quầy
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "tu_choi"
      | trường | giá trị                                                                                  |
      | ly_do  | Người yêu cầu không phải người có sự kiện hộ tịch, không có văn bản ủy quyền hợp lệ |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" có nội dung "không có văn bản ủy quyền hợp lệ"

  Kịch bản: QT-HT-05 phải tra cứu sổ giấy lưu trữ, xin lỗi và hẹn lại ngày trả kết quả
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 05/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 06/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 16:30 ngày 05/03/2026
    Và "pham.chi" thực hiện "xin_loi"
      | trường       | giá trị                                                                                       |
      | ly_do        | Sự kiện đăng ký năm 1985 chưa được số hóa, phải tra cứu Sổ hộ tịch giấy tại kho lưu trữ |
      | ngay_hen_moi | 17:00 ngày 10/03/2026                                                                         |
    Thì phiếu "phieu-xin-loi" được cấp
    Và phiếu "phieu-xin-loi" có nội dung "phải tra cứu Sổ hộ tịch giấy tại kho lưu trữ"
    Và phiếu "phieu-xin-loi" có nội dung "Đặng Thị Hoa"
    Và hạn trả kết quả là 17:00 ngày 10/03/2026
    Khi đồng hồ chuyển đến 09:00 ngày 09/03/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "pham.chi" thử thực hiện "xin_loi"
      | trường       | giá trị               |
      | ly_do        | Chưa tra cứu xong     |
      | ngay_hen_moi | 17:00 ngày 12/03/2026 |
    Thì thao tác bị từ chối vì "điều kiện"
    Khi "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị          |
      | so_ky_hieu | 360/2026/TLKS-BS |
    Và đồng hồ chuyển đến 11:00 ngày 10/03/2026
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-HT-05 xin lỗi khi chỉ còn dưới một ngày làm việc thì bị từ chối
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "pham.chi" thử thực hiện "xin_loi"
      | trường       | giá trị                 |
      | ly_do        | Phải tra cứu sổ giấy    |
      | ngay_hen_moi | 17:00 ngày 06/03/2026   |
    Thì thao tác bị từ chối vì "gia hạn muộn"

  Kịch bản: QT-HT-05 tiếp nhận sau 15 giờ ngày trước Tết thì trả kết quả sau kỳ nghỉ
    Khi hồ sơ được tiếp nhận lúc 15:45 ngày 13/02/2026 qua kênh "trực tuyến"
    Thì hạn trả kết quả là 17:00 ngày 23/02/2026

  Kịch bản: QT-HT-05 tiếp nhận sau 15 giờ thứ Sáu, trả kết quả ngày thứ Bảy làm bù
    Khi hồ sơ được tiếp nhận lúc 16:00 ngày 09/01/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 10/01/2026

  Kịch bản: QT-HT-05 tiếp nhận đúng 15 giờ vẫn trả trong ngày
    Khi hồ sơ được tiếp nhận lúc 15:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 05/03/2026

  Kịch bản: QT-HT-05 tiếp nhận lúc 15 giờ 10 trả kết quả ngày làm việc tiếp theo
    Khi hồ sơ được tiếp nhận lúc 15:10 ngày 05/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 06/03/2026

  Kịch bản: QT-HT-05 văn thư không được ký bản sao trích lục
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Và "vo.dung" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "vai trò"
    Và hồ sơ ở bước "ky_duyet"

  Kịch bản: QT-HT-05 người dự thảo không được tự ký bản sao trích lục
    Biết "tran.binh" giữ vai trò "lanh-dao"
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Và "tran.binh" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "tự phê duyệt"
