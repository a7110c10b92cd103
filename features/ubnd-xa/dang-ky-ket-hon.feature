# language: vi
Tính năng: QT-HT-02 Đăng ký kết hôn tại UBND xã
  Luật Hộ tịch 60/2014/QH13, Điều 18 khoản 2: giải quyết ngay sau khi nhận đủ giấy tờ – trong ngày,
  nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo (Điều 5 khoản 3); trường hợp
  cần xác minh điều kiện kết hôn thì không quá 05 ngày làm việc: khi mở xác minh, ngày hẹn được tính
  lại từ lúc bắt đầu tính thời hạn và Giấy tiếp nhận được cấp lại. Hai bên nam, nữ phải cùng có mặt
  khi trao Giấy chứng nhận kết hôn.

  Bối cảnh:
    Biết quy trình "QT-HT-02" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "tran.binh" giữ vai trò "chuyen-vien"
    Và "pham.chi" giữ vai trò "lanh-dao"
    Và "vo.dung" giữ vai trò "van-thu"
    Và người nộp hồ sơ là "Nguyễn Văn Hùng"

  Kịch bản: QT-HT-02 đủ giấy tờ, trao Giấy chứng nhận kết hôn trong ngày, sớm hạn
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 04/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Thì hồ sơ ở bước "chuyen"
    Và phiếu "giay-tiep-nhan" được cấp
    Và phiếu "giay-tiep-nhan" có nội dung "Nguyễn Văn Hùng"
    Và phiếu "giay-tiep-nhan" có nội dung "Đăng ký kết hôn"
    Khi "le.an" thực hiện "ban_giao"
    Thì hồ sơ ở bước "tham_dinh"
    Và hạn của bước hiện tại là 13:30 ngày 04/03/2026
    Khi 2 giờ làm việc trôi qua
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Thì bước "tham_dinh" hoàn thành "sớm hạn"
    Và hồ sơ ở bước "ky_duyet"
    Khi 2 giờ làm việc trôi qua
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị       |
      | so_ky_hieu | 12/2026/ĐKKH  |
    Thì hồ sơ ở bước "tra_ket_qua"
    Khi "le.an" thực hiện "tra"
      | trường         | giá trị |
      | hai_ben_co_mat | có      |
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-HT-02 không trao Giấy chứng nhận kết hôn khi một bên vắng mặt
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị       |
      | so_ky_hieu | 13/2026/ĐKKH  |
    Và "le.an" thử thực hiện "tra"
      | trường         | giá trị |
      | hai_ben_co_mat | không   |
    Thì thao tác bị từ chối vì "điều kiện"
    Và hồ sơ ở bước "tra_ket_qua"

  Kịch bản: QT-HT-02 thiếu Giấy xác nhận tình trạng hôn nhân, bổ sung rồi tính lại thời hạn
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường           | giá trị                                                                    |
      | ho_so_day_du     | không                                                                      |
      | noi_dung_bo_sung | Giấy xác nhận tình trạng hôn nhân của bên nữ do UBND xã nơi thường trú cấp |
    Thì hồ sơ ở bước "cho_bo_sung"
    Và phiếu "phieu-bo-sung" có nội dung "Giấy xác nhận tình trạng hôn nhân của bên nữ"
    Và phiếu "phieu-bo-sung" có nội dung "Nguyễn Văn Hùng"
    # Nhận đủ lúc 14:00 (trước 15 giờ): thời hạn tính lại từ đầu, trả trong ngày.
    Khi đồng hồ chuyển đến 14:00 ngày 09/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hồ sơ ở bước "tiep_nhan"
    Và hạn trả kết quả là 17:00 ngày 09/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Thì hồ sơ ở bước "chuyen"

  Kịch bản: QT-HT-02 chuyên viên yêu cầu bổ sung sau khi thẩm định
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và 1 ngày làm việc trôi qua
    Và "tran.binh" thực hiện "yeu_cau_bo_sung"
      | trường           | giá trị                                                              |
      | noi_dung_bo_sung | Bản án ly hôn đã có hiệu lực pháp luật của bên nam (đã từng kết hôn) |
    Thì hồ sơ ở bước "cho_bo_sung"
    Và phiếu "phieu-bo-sung" có nội dung "Bản án ly hôn đã có hiệu lực pháp luật"

  Kịch bản: QT-HT-02 bên nam đang có vợ, lãnh đạo ký văn bản từ chối
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
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
      | ly_do  | Kết quả xác minh cho thấy bên nam đang có vợ, vi phạm chế độ một vợ một chồng (Luật Hôn nhân và gia đình) |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" được cấp
    Và phiếu "phieu-tu-choi" có nội dung "bên nam đang có vợ"

  Kịch bản: QT-HT-02 không thuộc thẩm quyền, từ chối tiếp nhận tại quầy
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "tu_choi"
      | trường | giá trị                                                                 |
      | ly_do  | Cả hai bên không cư trú trên địa bàn xã, không thuộc thẩm quyền đăng ký |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" có nội dung "không thuộc thẩm quyền đăng ký"

  # Nhận 08:00 thứ Tư 04/03: hẹn 17:00 cùng ngày. Mở xác minh lúc 10:00: thời hạn thành 05 ngày làm
  # việc từ 08:00 ngày 04/03 → 08:00 thứ Tư 11/03; bước xác minh (3 ngày làm việc) hạn 10:00 ngày 09/03.
  Kịch bản: QT-HT-02 cần xác minh điều kiện kết hôn, hẹn lại 05 ngày làm việc, xin lỗi và hẹn lại
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 04/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 10:00 ngày 04/03/2026
    Và "tran.binh" thực hiện "mo_xac_minh"
      | trường            | giá trị                                                                 |
      | noi_dung_xac_minh | Tình trạng hôn nhân của bên nữ tại nơi cư trú trước đây (UBND xã Yên Từ) |
    Thì hồ sơ ở bước "xac_minh"
    Và trường "can_xac_minh" là "có"
    Và hạn trả kết quả là 08:00 ngày 11/03/2026
    Và hạn của bước hiện tại là 10:00 ngày 09/03/2026
    Và phiếu "giay-tiep-nhan" được cấp
    Và phiếu "giay-tiep-nhan" có nội dung "08 giờ 00 phút, ngày 11 tháng 3 năm 2026"
    Và phiếu "giay-tiep-nhan" có nội dung "trường hợp cần xác minh điều kiện kết hôn của hai bên nam, nữ thì không quá 05 ngày làm việc"
    Khi đồng hồ chuyển đến 15:00 ngày 09/03/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "pham.chi" thực hiện "xin_loi"
      | trường       | giá trị                                                                          |
      | ly_do        | Chưa nhận được kết quả xác minh tình trạng hôn nhân của bên nữ tại nơi cư trú trước đây |
      | ngay_hen_moi | 17:00 ngày 13/03/2026                                                            |
    Thì phiếu "phieu-xin-loi" được cấp
    Và phiếu "phieu-xin-loi" có nội dung "Chưa nhận được kết quả xác minh tình trạng hôn nhân"
    Và hạn trả kết quả là 17:00 ngày 13/03/2026
    Khi "pham.chi" thử thực hiện "xin_loi"
      | trường       | giá trị                 |
      | ly_do        | Chưa có kết quả xác minh |
      | ngay_hen_moi | 17:00 ngày 17/03/2026   |
    Thì thao tác bị từ chối vì "điều kiện"
    Khi đồng hồ chuyển đến 09:00 ngày 12/03/2026
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Thì bước "xac_minh" hoàn thành "quá hạn"
    Khi "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị       |
      | so_ky_hieu | 14/2026/ĐKKH  |
    Và đồng hồ chuyển đến 17:00 ngày 13/03/2026
    Và "le.an" thực hiện "tra"
      | trường         | giá trị |
      | hai_ben_co_mat | có      |
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "đúng hạn"

  # Nhận 10:00 thứ Năm 12/02, mở xác minh 11:00: 05 ngày làm việc từ 10:00 ngày 12/02, nghỉ Tết
  # 14–22/02 không tính: 13/02, 23, 24, 25, 26/02 → 10:00 ngày 26/02.
  Kịch bản: QT-HT-02 mở xác minh trước Tết, ngày hẹn mới không tính kỳ nghỉ Tết
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 12/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 12/02/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 11:00 ngày 12/02/2026
    Và "tran.binh" thực hiện "mo_xac_minh"
      | trường            | giá trị                                       |
      | noi_dung_xac_minh | Việc ly hôn của bên nam tại Tòa án nhân dân khu vực |
    Thì hạn trả kết quả là 10:00 ngày 26/02/2026

  # Trong ngày: lúc 10:00 chỉ còn 6 giờ làm việc đến hạn 17:00, dưới 01 ngày làm việc.
  Kịch bản: QT-HT-02 xin lỗi khi chỉ còn dưới một ngày làm việc thì bị từ chối
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 10:00 ngày 04/03/2026
    Và "pham.chi" thử thực hiện "xin_loi"
      | trường       | giá trị                  |
      | ly_do        | Chưa có kết quả xác minh |
      | ngay_hen_moi | 17:00 ngày 05/03/2026    |
    Thì thao tác bị từ chối vì "gia hạn muộn"

  # Nhận 15:30 thứ Sáu 13/02, trước Tết: trả kết quả trong ngày làm việc tiếp theo – thứ Hai 23/02.
  Kịch bản: QT-HT-02 tiếp nhận sau 15 giờ thứ Sáu trước Tết, trả kết quả ngày làm việc đầu tiên sau Tết
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 23/02/2026

  # Nhận 15:30 thứ Sáu 09/01/2026: ngày làm việc tiếp theo là thứ Bảy 10/01 (làm bù).
  Kịch bản: QT-HT-02 tiếp nhận sau 15 giờ thứ Sáu, trả kết quả thứ Bảy làm bù
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 09/01/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 10/01/2026

  Kịch bản: QT-HT-02 tiếp nhận đúng 15 giờ thì trả kết quả trong ngày
    Khi hồ sơ được tiếp nhận lúc 15:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 04/03/2026

  Kịch bản: QT-HT-02 tiếp nhận sau 15 giờ trả kết quả trong ngày làm việc tiếp theo
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 05/03/2026

  Kịch bản: QT-HT-02 công chức một cửa không được ký Giấy chứng nhận kết hôn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Và "le.an" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "vai trò"

  Kịch bản: QT-HT-02 người thẩm định không được tự ký Giấy chứng nhận kết hôn
    Biết "tran.binh" giữ vai trò "lanh-dao"
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
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
