# language: vi
Tính năng: QT-LLTP-01 Cấp Phiếu lý lịch tư pháp tại Sở Tư pháp
  Thời hạn không quá 10 ngày kể từ ngày nhận yêu cầu hợp lệ (Luật Lý lịch tư pháp 2009, Điều 48 –
  nhớ lại, cần kiểm tra), quy trình áp dụng 10 ngày làm việc, 15 ngày làm việc khi phải xác minh;
  luật không có mốc 15 giờ nên thời hạn tính từ lúc tiếp nhận. Quy trình nhận hồ sơ đến hết
  30/6/2026: từ 01/7/2026 chức năng chuyển sang cơ quan công an (Luật 107/2025/QH15; Nghị định
  216/2026/NĐ-CP, Điều 28).

  Bối cảnh:
    Biết quy trình "QT-LLTP-01" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "hoang.lan" giữ vai trò "chuyen-vien"
    Và "ngo.toan" giữ vai trò "lanh-dao"
    Và "vo.dung" giữ vai trò "van-thu"
    Và người nộp hồ sơ là "Phạm Minh Khoa"

  Kịch bản: QT-LLTP-01 không có án tích, cấp Phiếu số 1 sớm hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 08:00 ngày 18/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Thì phiếu "giay-tiep-nhan" có nội dung "Phạm Minh Khoa"
    Khi "le.an" thực hiện "ban_giao"
    Thì hồ sơ ở bước "tham_dinh"
    Và hạn của bước hiện tại là 08:00 ngày 16/03/2026
    Khi 5 ngày làm việc trôi qua
    Và "hoang.lan" thực hiện "trinh"
      | trường       | giá trị    |
      | du_dieu_kien | có         |
      | loai_phieu   | phieu_so_1 |
      | co_an_tich   | không      |
      | can_xac_minh | không      |
    Thì bước "tham_dinh" hoàn thành "sớm hạn"
    Khi 1 ngày làm việc trôi qua
    Và "ngo.toan" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị         |
      | so_ky_hieu | 1253/2026/LLTP  |
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-LLTP-01 thiếu văn bản ủy quyền, bổ sung xong thời hạn tính lại từ đầu
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường           | giá trị                                                              |
      | ho_so_day_du     | không                                                                |
      | noi_dung_bo_sung | Văn bản ủy quyền yêu cầu cấp Phiếu lý lịch tư pháp số 1 có chứng thực |
    Thì hồ sơ ở bước "cho_bo_sung"
    Và phiếu "phieu-bo-sung" được cấp
    Và phiếu "phieu-bo-sung" có nội dung "Văn bản ủy quyền"
    Khi đồng hồ chuyển đến 10:00 ngày 09/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hồ sơ ở bước "tiep_nhan"
    Và hạn trả kết quả là 10:00 ngày 23/03/2026

  Kịch bản: QT-LLTP-01 người yêu cầu không thuộc đối tượng được cấp Phiếu số 2 qua ủy quyền, từ chối
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "hoang.lan" thực hiện "trinh"
      | trường       | giá trị    |
      | du_dieu_kien | không      |
      | loai_phieu   | phieu_so_2 |
      | co_an_tich   | không      |
      | can_xac_minh | không      |
    Và "ngo.toan" thực hiện "ky_tu_choi"
      | trường | giá trị                                                            |
      | ly_do  | Phiếu lý lịch tư pháp số 2 không được ủy quyền cho người khác yêu cầu cấp |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" có nội dung "không được ủy quyền"

  Kịch bản: QT-LLTP-01 chờ kết quả xác minh án tích, xin lỗi và hẹn lại
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 14:00 ngày 16/03/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "ngo.toan" thực hiện "xin_loi"
      | trường       | giá trị                                                        |
      | ly_do        | Chờ Tòa án nhân dân khu vực trả lời xác minh điều kiện xóa án tích |
      | ngay_hen_moi | 2026-03-25T17:00                                               |
    Thì phiếu "phieu-xin-loi" được cấp
    Và phiếu "phieu-xin-loi" có nội dung "xóa án tích"
    Và hạn trả kết quả là 17:00 ngày 25/03/2026
    Khi đồng hồ chuyển đến 09:00 ngày 23/03/2026
    Và "hoang.lan" thực hiện "trinh"
      | trường       | giá trị    |
      | du_dieu_kien | có         |
      | loai_phieu   | phieu_so_1 |
      | co_an_tich   | không      |
      | can_xac_minh | có         |
    Thì bước "tham_dinh" hoàn thành "quá hạn"
    Khi "ngo.toan" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị         |
      | so_ky_hieu | 1301/2026/LLTP  |
    Và đồng hồ chuyển đến 17:00 ngày 25/03/2026
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "đúng hạn"

  Kịch bản: QT-LLTP-01 yêu cầu nộp thứ Sáu trước Tết, thời hạn tính tiếp sau kỳ nghỉ
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 10:00 ngày 06/03/2026

  # 15:30 thứ Tư 04/03 + 10 ngày làm việc = 15:30 thứ Tư 18/03.
  Kịch bản: QT-LLTP-01 yêu cầu nộp sau 15 giờ vẫn tính thời hạn từ lúc tiếp nhận
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 04/03/2026 qua kênh "trực tuyến"
    Thì hạn trả kết quả là 15:30 ngày 18/03/2026

  Kịch bản: QT-LLTP-01 chuyên viên vừa trình không được tự ký Phiếu
    Biết "hoang.lan" giữ vai trò "lanh-dao"
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "hoang.lan" thực hiện "trinh"
      | trường       | giá trị    |
      | du_dieu_kien | có         |
      | loai_phieu   | phieu_so_1 |
      | co_an_tich   | không      |
      | can_xac_minh | không      |
    Và "hoang.lan" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "tự phê duyệt"
    Khi "le.an" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "vai trò"
    Và hồ sơ ở bước "ky_duyet"
