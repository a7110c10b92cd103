# language: vi
Tính năng: QT-HT-03 Đăng ký khai tử tại UBND xã
  Luật Hộ tịch 60/2014/QH13, Điều 34 khoản 2: ngay sau khi nhận giấy tờ, nếu việc khai tử đúng thì
  ghi vào Sổ hộ tịch – trong ngày; nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp
  theo (Điều 5 khoản 3). Trường hợp cần xác minh: không quá 03 ngày làm việc (nhớ lại – cần kiểm
  tra căn cứ); khi mở xác minh, ngày hẹn được tính lại từ lúc bắt đầu tính thời hạn, nhật ký ghi lý
  do và Giấy tiếp nhận được cấp lại.

  Bối cảnh:
    Biết quy trình "QT-HT-03" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "tran.binh" giữ vai trò "chuyen-vien"
    Và "pham.chi" giữ vai trò "lanh-dao"
    Và "vo.dung" giữ vai trò "van-thu"
    Và người nộp hồ sơ là "Lê Văn Tâm"

  Kịch bản: QT-HT-03 đủ giấy tờ, trả Trích lục khai tử trong ngày, sớm hạn
    Khi hồ sơ được tiếp nhận lúc 08:30 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 04/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường            | giá trị       |
      | ho_so_day_du      | có            |
      | ho_ten_nguoi_chet | Lê Văn Thành  |
      | ngay_chet         | 2026-03-01    |
      | hinh_thuc_nhan    | truc_tiep     |
    Thì hồ sơ ở bước "chuyen"
    Và phiếu "giay-tiep-nhan" có nội dung "Lê Văn Tâm"
    Và phiếu "giay-tiep-nhan" có nội dung "Trong ngày làm việc; tiếp nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo; trường hợp cần xác minh thì không quá 03 ngày làm việc"
    Khi "le.an" thực hiện "ban_giao"
    Thì hồ sơ ở bước "tham_dinh"
    Và hạn của bước hiện tại là 11:30 ngày 04/03/2026
    Khi 2 giờ làm việc trôi qua
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Thì bước "tham_dinh" hoàn thành "sớm hạn"
    Khi 1 giờ làm việc trôi qua
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị     |
      | so_ky_hieu | 31/2026/KT  |
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  # Nhận 09:00 thứ Hai 09/03: hẹn 17:00 cùng ngày. Mở xác minh lúc 10:00: 03 ngày làm việc từ 09:00
  # ngày 09/03 → 09:00 thứ Năm 12/03; bước xác minh (2 ngày làm việc) hạn 10:00 ngày 11/03.
  Kịch bản: QT-HT-03 cần xác minh, ngày hẹn dời sang 03 ngày làm việc và Giấy tiếp nhận được cấp lại
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 09/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 09/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường            | giá trị       |
      | ho_so_day_du      | có            |
      | ho_ten_nguoi_chet | Phạm Thị Hoa  |
      | ngay_chet         | 2025-11-20    |
      | hinh_thuc_nhan    | truc_tiep     |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 10:00 ngày 09/03/2026
    Và "tran.binh" thực hiện "mo_xac_minh"
      | trường            | giá trị                                                               |
      | noi_dung_xac_minh | Nơi cư trú cuối cùng của người chết (đề nghị Công an xã xác nhận)      |
    Thì hồ sơ ở bước "xac_minh"
    Và trường "can_xac_minh" là "có"
    Và hạn trả kết quả là 09:00 ngày 12/03/2026
    Và hạn của bước hiện tại là 10:00 ngày 11/03/2026
    Và phiếu "giay-tiep-nhan" được cấp
    Và phiếu "giay-tiep-nhan" có nội dung "09 giờ 00 phút, ngày 12 tháng 3 năm 2026"
    Khi đồng hồ chuyển đến 14:00 ngày 11/03/2026
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Thì bước "xac_minh" hoàn thành "quá hạn"
    Khi "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị     |
      | so_ky_hieu | 32/2026/KT  |
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  # Nhận 15:10 thứ Tư 04/03, sau 15 giờ: trả kết quả trong ngày làm việc tiếp theo (17:00 ngày 05/03).
  # Kiểm tra xong 15:10: bước chuyển hồ sơ (0,5 giờ) tính từ 07:30 ngày 05/03 (quy tắc chuyển hồ sơ,
  # Nghị định 61/2018 Điều 18 khoản 2) → hạn 08:00; chuyển lúc 08:00 là đúng hạn, không quá hạn.
  Kịch bản: QT-HT-03 tiếp nhận sau 15 giờ, kiểm tra 15:10 và chuyển 08:00 sáng hôm sau đúng hạn
    Khi hồ sơ được tiếp nhận lúc 15:10 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 05/03/2026
    Và hạn của bước hiện tại là 08:30 ngày 05/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường            | giá trị       |
      | ho_so_day_du      | có            |
      | ho_ten_nguoi_chet | Đỗ Văn Lực    |
      | ngay_chet         | 2026-03-03    |
      | hinh_thuc_nhan    | truc_tiep     |
    Thì bước "tiep_nhan" hoàn thành "sớm hạn"
    Và hạn của bước hiện tại là 08:00 ngày 05/03/2026
    Khi đồng hồ chuyển đến 08:00 ngày 05/03/2026
    Và "le.an" thực hiện "ban_giao"
    Thì bước "chuyen" hoàn thành "đúng hạn"
    Và phiếu "phieu-kiem-soat" có nội dung "Đúng hạn"
    Khi 2 giờ làm việc trôi qua
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị     |
      | so_ky_hieu | 33/2026/KT  |
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-HT-03 tiếp nhận đúng 15 giờ thì trả kết quả trong ngày
    Khi hồ sơ được tiếp nhận lúc 15:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 04/03/2026

  # Nhận 15:30 thứ Sáu 13/02, trước Tết (nghỉ 14–22/02): ngày làm việc tiếp theo là thứ Hai 23/02.
  Kịch bản: QT-HT-03 tiếp nhận sau 15 giờ thứ Sáu trước Tết, trả kết quả ngày làm việc đầu tiên sau Tết
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 23/02/2026

  Kịch bản: QT-HT-03 người trình không được tự ký Trích lục khai tử
    Biết "tran.binh" giữ vai trò "lanh-dao"
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường            | giá trị       |
      | ho_so_day_du      | có            |
      | ho_ten_nguoi_chet | Lê Văn Thành  |
      | ngay_chet         | 2026-03-01    |
      | hinh_thuc_nhan    | truc_tiep     |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Và "tran.binh" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "tự phê duyệt"
