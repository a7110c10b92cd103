# language: vi
Tính năng: QT-LT-01 Liên thông đăng ký khai sinh – đăng ký thường trú – cấp thẻ BHYT cho trẻ em dưới 6 tuổi
  Người dân nộp hồ sơ một lần tại Trung tâm Phục vụ hành chính công xã; hồ sơ lần lượt qua Bộ phận
  Tư pháp - Hộ tịch, lãnh đạo và văn thư UBND xã, Công an xã (đăng ký thường trú), cơ quan Bảo hiểm
  xã hội (cấp thẻ BHYT) rồi về Trung tâm trả kết quả. Thời hạn 03 ngày làm việc, tính từ lúc tiếp nhận
  (không có mốc 15 giờ riêng).

  Bối cảnh:
    Biết quy trình "QT-LT-01" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "tran.binh" giữ vai trò "chuyen-vien"
    Và "pham.chi" giữ vai trò "lanh-dao"
    Và "vo.dung" giữ vai trò "van-thu"
    Và "dang.khoa" giữ vai trò "can-bo-cong-an"
    Và "mai.lan" giữ vai trò "can-bo-bhxh"
    Và người nộp hồ sơ là "Lê Thị Hồng"

  Kịch bản: QT-LT-01 hồ sơ liên thông đi qua ba cơ quan và được trả sớm hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tuyến"
    # Ghi chú: ngày làm việc bắt đầu 07:30, nên 03 ngày làm việc tính từ 08:00 thứ Tư (đã làm 30 phút) kết thúc 08:00 thứ Hai
    Thì hạn trả kết quả là 08:00 ngày 09/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị          |
      | ho_so_day_du   | có               |
      | ho_ten_tre     | Nguyễn Gia Huy   |
      | hinh_thuc_nhan | truc_tiep        |
    Và "le.an" thực hiện "ban_giao"
    Và 2 giờ làm việc trôi qua
    Và "tran.binh" thực hiện "trinh"
      | trường           | giá trị      |
      | du_dieu_kien     | có           |
      | so_dinh_danh_tre | 001226034567 |
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị     |
      | so_ky_hieu | 140/2026/KS |
    Thì hồ sơ ở bước "dang_ky_thuong_tru"
    Và hạn của bước hiện tại là 10:00 ngày 05/03/2026
    Khi 4 giờ làm việc trôi qua
    Và "dang.khoa" thực hiện "dang_ky_thuong_tru"
      | trường         | giá trị                                   |
      | noi_thuong_tru | Số 12, thôn Đông, xã Thanh Trì, Hà Nội     |
    Thì bước "dang_ky_thuong_tru" hoàn thành "sớm hạn"
    Và hồ sơ ở bước "cap_the_bhyt"
    Khi 3 giờ làm việc trôi qua
    Và "mai.lan" thực hiện "cap_the_bhyt"
      | trường     | giá trị    |
      | ma_so_bhxh | 0126123456 |
    Thì hồ sơ ở bước "tra_ket_qua"
    Và phiếu "phieu-kiem-soat" có nội dung "Công an xã (cơ quan đăng ký cư trú)"
    Và phiếu "phieu-kiem-soat" có nội dung "Bảo hiểm xã hội cơ sở"
    Khi "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-LT-01 thiếu giấy tờ chứng minh chỗ ở hợp pháp, bổ sung rồi tính lại thời hạn
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường           | giá trị                                                            |
      | ho_so_day_du     | không                                                              |
      | noi_dung_bo_sung | Văn bản đồng ý của chủ hộ cho trẻ đăng ký thường trú tại chỗ ở     |
    Thì hồ sơ ở bước "cho_bo_sung"
    Và phiếu "phieu-bo-sung" có nội dung "Văn bản đồng ý của chủ hộ"
    Khi đồng hồ chuyển đến 10:00 ngày 10/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hồ sơ ở bước "tiep_nhan"
    Và hạn trả kết quả là 10:00 ngày 13/03/2026

  Kịch bản: QT-LT-01 đã đăng ký khai sinh ở nơi khác, lãnh đạo UBND xã ký văn bản từ chối
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị        |
      | ho_so_day_du   | có             |
      | ho_ten_tre     | Trần Bảo Ngọc  |
      | hinh_thuc_nhan | truc_tiep      |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | không   |
    Và "pham.chi" thực hiện "ky_tu_choi"
      | trường | giá trị                                                               |
      | ly_do  | Trẻ đã có Giấy khai sinh và Số định danh cá nhân do UBND xã khác cấp   |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" có nội dung "do UBND xã khác cấp"

  Kịch bản: QT-LT-01 chậm tại Công an xã, UBND xã xin lỗi và hẹn lại ngày trả kết quả
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị         |
      | ho_so_day_du   | có              |
      | ho_ten_tre     | Phan Minh Châu  |
      | hinh_thuc_nhan | truc_tiep       |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường           | giá trị      |
      | du_dieu_kien     | có           |
      | so_dinh_danh_tre | 001226034600 |
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị     |
      | so_ky_hieu | 141/2026/KS |
    Và đồng hồ chuyển đến 15:00 ngày 05/03/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "pham.chi" thực hiện "xin_loi"
      | trường       | giá trị                                                             |
      | ly_do        | Công an xã phải xác minh chỗ ở hợp pháp do thông tin chủ hộ chưa khớp |
      | ngay_hen_moi | 2026-03-10T17:00                                                    |
    Thì phiếu "phieu-xin-loi" có nội dung "xác minh chỗ ở hợp pháp"
    Và hạn trả kết quả là 17:00 ngày 10/03/2026
    Khi đồng hồ chuyển đến 09:00 ngày 09/03/2026
    Và "dang.khoa" thực hiện "dang_ky_thuong_tru"
      | trường         | giá trị                                |
      | noi_thuong_tru | Số 5, ngõ 3, thôn Nam, xã Thanh Trì, Hà Nội |
    Thì bước "dang_ky_thuong_tru" hoàn thành "quá hạn"
    Khi "mai.lan" thực hiện "cap_the_bhyt"
      | trường     | giá trị    |
      | ma_so_bhxh | 0126123499 |
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-LT-01 hồ sơ tiếp nhận thứ Sáu trước Tết, thời hạn tính tiếp sau kỳ nghỉ
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 09:00 ngày 25/02/2026

  # Nghị định 63/2024/NĐ-CP không quy định mốc 15 giờ: 15:30 thứ Tư 04/03 + 03 ngày làm việc
  # = 15:30 thứ Hai 09/03.
  Kịch bản: QT-LT-01 hồ sơ nộp trực tuyến sau 15 giờ vẫn tính thời hạn từ lúc tiếp nhận
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 04/03/2026 qua kênh "trực tuyến"
    Thì hạn trả kết quả là 15:30 ngày 09/03/2026

  Kịch bản: QT-LT-01 cán bộ Bảo hiểm xã hội không được đăng ký thường trú thay Công an xã
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị        |
      | ho_so_day_du   | có             |
      | ho_ten_tre     | Hà Thanh Tâm   |
      | hinh_thuc_nhan | truc_tiep      |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường           | giá trị      |
      | du_dieu_kien     | có           |
      | so_dinh_danh_tre | 001226034700 |
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị     |
      | so_ky_hieu | 142/2026/KS |
    Và "mai.lan" thử thực hiện "dang_ky_thuong_tru"
      | trường         | giá trị                       |
      | noi_thuong_tru | Thôn Bắc, xã Thanh Trì, Hà Nội |
    Thì thao tác bị từ chối vì "vai trò"
    Và hồ sơ ở bước "dang_ky_thuong_tru"
