# language: vi
Tính năng: QT-HT-01 Đăng ký khai sinh tại UBND xã
  Luật Hộ tịch 60/2014/QH13, Điều 16: giải quyết ngay sau khi nhận đủ giấy tờ. Quy trình áp dụng
  trả kết quả trong ngày; tiếp nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo. Giấy khai
  sinh chỉ được ký khi trẻ đã có Số định danh cá nhân.

  Bối cảnh:
    Biết quy trình "QT-HT-01" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "tran.binh" giữ vai trò "chuyen-vien"
    Và "pham.chi" giữ vai trò "lanh-dao"
    Và "vo.dung" giữ vai trò "van-thu"
    Và người nộp hồ sơ là "Nguyễn Thị Mai"

  Kịch bản: QT-HT-01 khai sinh đầy đủ giấy tờ, trả Giấy khai sinh trong ngày sớm hạn
    Khi hồ sơ được tiếp nhận lúc 08:30 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 04/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị         |
      | ho_so_day_du   | có              |
      | ho_ten_tre     | Trần Minh Khang |
      | hinh_thuc_nhan | truc_tiep       |
    Thì hồ sơ ở bước "chuyen"
    Và phiếu "giay-tiep-nhan" có nội dung "Nguyễn Thị Mai"
    Khi "le.an" thực hiện "ban_giao"
    Thì hồ sơ ở bước "tham_dinh"
    Và hạn của bước hiện tại là 11:30 ngày 04/03/2026
    Khi 2 giờ làm việc trôi qua
    Và "tran.binh" thực hiện "trinh"
      | trường           | giá trị      |
      | du_dieu_kien     | có           |
      | so_dinh_danh_tre | 001226012345 |
    Thì bước "tham_dinh" hoàn thành "sớm hạn"
    Và hồ sơ ở bước "ky_duyet"
    Khi 1 giờ làm việc trôi qua
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị      |
      | so_ky_hieu | 125/2026/KS  |
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-HT-01 thiếu Giấy chứng sinh, bổ sung rồi tính lại thời hạn
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường           | giá trị                                                         |
      | ho_so_day_du     | không                                                           |
      | noi_dung_bo_sung | Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh |
    Thì hồ sơ ở bước "cho_bo_sung"
    Và phiếu "phieu-bo-sung" có nội dung "Giấy chứng sinh hoặc văn bản của người làm chứng"
    Khi đồng hồ chuyển đến 09:00 ngày 06/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hồ sơ ở bước "tiep_nhan"
    Và hạn trả kết quả là 17:00 ngày 06/03/2026

  Kịch bản: QT-HT-01 không đủ căn cứ xác định việc sinh, lãnh đạo ký văn bản từ chối
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị         |
      | ho_so_day_du   | có              |
      | ho_ten_tre     | Lê Gia Bảo      |
      | hinh_thuc_nhan | truc_tiep       |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | không   |
    Và "pham.chi" thực hiện "ky_tu_choi"
      | trường | giá trị                                                                 |
      | ly_do  | Trẻ đã được đăng ký khai sinh tại UBND xã khác, không đăng ký khai sinh lần hai |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" có nội dung "không đăng ký khai sinh lần hai"

  Kịch bản: QT-HT-01 không lấy được Số định danh cá nhân trong ngày, xin lỗi và hẹn lại
    Khi hồ sơ được tiếp nhận lúc 15:20 ngày 04/03/2026 qua kênh "trực tuyến"
    Thì hạn trả kết quả là 17:00 ngày 05/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị         |
      | ho_so_day_du   | có              |
      | ho_ten_tre     | Phạm Ngọc Anh   |
      | hinh_thuc_nhan | truc_tuyen      |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 16:30 ngày 04/03/2026
    Và "pham.chi" thực hiện "xin_loi"
      | trường       | giá trị                                                                  |
      | ly_do        | Hệ thống Cơ sở dữ liệu quốc gia về dân cư gián đoạn, chưa cấp được Số định danh cá nhân |
      | ngay_hen_moi | 2026-03-06T17:00                                                         |
    Thì phiếu "phieu-xin-loi" có nội dung "chưa cấp được Số định danh cá nhân"
    Và hạn trả kết quả là 17:00 ngày 06/03/2026
    Khi đồng hồ chuyển đến 08:30 ngày 06/03/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "tran.binh" thực hiện "trinh"
      | trường           | giá trị      |
      | du_dieu_kien     | có           |
      | so_dinh_danh_tre | 001226012399 |
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị     |
      | so_ky_hieu | 131/2026/KS |
    Và đồng hồ chuyển đến 17:00 ngày 06/03/2026
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "đúng hạn"

  Kịch bản: QT-HT-01 xin lỗi, hẹn lại khi chỉ còn dưới một ngày làm việc thì bị từ chối
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị       |
      | ho_so_day_du   | có            |
      | ho_ten_tre     | Đỗ Thu Trang  |
      | hinh_thuc_nhan | truc_tiep     |
    Và "le.an" thực hiện "ban_giao"
    Và "pham.chi" thử thực hiện "xin_loi"
      | trường       | giá trị                     |
      | ly_do        | Chưa cấp được Số định danh  |
      | ngay_hen_moi | 2026-03-05T17:00            |
    Thì thao tác bị từ chối vì "gia hạn muộn"

  Kịch bản: QT-HT-01 tiếp nhận sau 15 giờ ngày trước Tết trả Giấy khai sinh sau kỳ nghỉ
    Khi hồ sơ được tiếp nhận lúc 16:00 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 23/02/2026

  Kịch bản: QT-HT-01 tiếp nhận trước 15 giờ ngày trước Tết trả ngay trong ngày
    Khi hồ sơ được tiếp nhận lúc 14:00 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 13/02/2026

  Kịch bản: QT-HT-01 tiếp nhận đúng 15 giờ vẫn trả trong ngày, sau 15 giờ trả ngày làm việc tiếp theo
    Khi hồ sơ được tiếp nhận lúc 15:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 04/03/2026

  Kịch bản: QT-HT-01 tiếp nhận lúc 15 giờ 30 trả kết quả ngày làm việc tiếp theo
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 05/03/2026

  Kịch bản: QT-HT-01 không ký Giấy khai sinh khi trẻ chưa có Số định danh cá nhân
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị      |
      | ho_so_day_du   | có           |
      | ho_ten_tre     | Vũ Hải Đăng  |
      | hinh_thuc_nhan | truc_tiep    |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Và "pham.chi" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "điều kiện"
    Và hồ sơ ở bước "ky_duyet"

  Kịch bản: QT-HT-01 công chức một cửa không được ký Giấy khai sinh
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị      |
      | ho_so_day_du   | có           |
      | ho_ten_tre     | Bùi Khánh Linh |
      | hinh_thuc_nhan | truc_tiep    |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường           | giá trị      |
      | du_dieu_kien     | có           |
      | so_dinh_danh_tre | 001226012400 |
    Và "le.an" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "vai trò"
