# language: vi
Tính năng: QT-GPLX-01 Cấp đổi giấy phép lái xe tại Phòng Cảnh sát giao thông Công an tỉnh
  Thời hạn không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ (nhớ lại, cần kiểm tra); giờ chốt
  15 giờ theo Nghị định 61/2018/NĐ-CP, Điều 18.

  Bối cảnh:
    Biết quy trình "QT-GPLX-01" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "le.bao" giữ vai trò "chuyen-vien"
    Và "phan.hung" giữ vai trò "lanh-dao"
    Và "vo.dung" giữ vai trò "van-thu"
    Và người nộp hồ sơ là "Đỗ Thị Hạnh"

  Kịch bản: QT-GPLX-01 đổi giấy phép hạng B hết hạn, trả sớm hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 08:00 ngày 11/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị    |
      | ho_so_day_du   | có         |
      | hinh_thuc_nhan | buu_chinh  |
    Thì phiếu "giay-tiep-nhan" có nội dung "Đỗ Thị Hạnh"
    Khi "le.an" thực hiện "ban_giao"
    Thì hồ sơ ở bước "tham_dinh"
    Và hạn của bước hiện tại là 08:00 ngày 06/03/2026
    Khi 1 ngày làm việc trôi qua
    Và "le.bao" thực hiện "trinh"
      | trường       | giá trị      |
      | du_dieu_kien | có           |
      | hang_gplx    | B            |
      | so_gplx_cu   | 790123456789 |
      | suc_khoe_dat | có           |
      | du_lieu_khop | có           |
    Thì bước "tham_dinh" hoàn thành "sớm hạn"
    Khi 4 giờ làm việc trôi qua
    Và "phan.hung" thực hiện "ky"
    Và 1 ngày làm việc trôi qua
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị      |
      | so_ky_hieu | 790260001234 |
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-GPLX-01 thiếu giấy khám sức khỏe, bổ sung xong thời hạn tính lại từ đầu
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường           | giá trị                                                     |
      | ho_so_day_du     | không                                                       |
      | noi_dung_bo_sung | Giấy khám sức khỏe của người lái xe còn giá trị sử dụng     |
    Thì hồ sơ ở bước "cho_bo_sung"
    Và phiếu "phieu-bo-sung" được cấp
    Và phiếu "phieu-bo-sung" có nội dung "Giấy khám sức khỏe"
    Khi đồng hồ chuyển đến 14:00 ngày 06/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hồ sơ ở bước "tiep_nhan"
    Và hạn trả kết quả là 14:00 ngày 13/03/2026

  Kịch bản: QT-GPLX-01 giấy phép có dấu hiệu làm giả, từ chối đổi
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "le.bao" thực hiện "trinh"
      | trường       | giá trị      |
      | du_dieu_kien | không        |
      | hang_gplx    | C            |
      | so_gplx_cu   | 790987654321 |
      | suc_khoe_dat | có           |
      | du_lieu_khop | không        |
    Và "phan.hung" thực hiện "ky_tu_choi"
      | trường | giá trị                                                               |
      | ly_do  | Giấy phép lái xe không có trong Cơ sở dữ liệu giấy phép lái xe, có dấu hiệu làm giả |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" có nội dung "dấu hiệu làm giả"

  Kịch bản: QT-GPLX-01 chờ xác minh giấy phép do ngành quân đội cấp, xin lỗi và hẹn lại
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 09:00 ngày 06/03/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "phan.hung" thực hiện "xin_loi"
      | trường       | giá trị                                                          |
      | ly_do        | Chờ Cục Quản lý xe - máy Bộ Quốc phòng xác minh giấy phép lái xe quân sự |
      | ngay_hen_moi | 2026-03-16T17:00                                                 |
    Thì phiếu "phieu-xin-loi" được cấp
    Và phiếu "phieu-xin-loi" có nội dung "giấy phép lái xe quân sự"
    Và hạn trả kết quả là 17:00 ngày 16/03/2026
    Khi đồng hồ chuyển đến 09:00 ngày 12/03/2026
    Và "le.bao" thực hiện "trinh"
      | trường       | giá trị      |
      | du_dieu_kien | có           |
      | hang_gplx    | C            |
      | so_gplx_cu   | QS-0456789   |
      | suc_khoe_dat | có           |
      | du_lieu_khop | có           |
    Thì bước "tham_dinh" hoàn thành "quá hạn"
    Khi "phan.hung" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị      |
      | so_ky_hieu | 790260004321 |
    Và đồng hồ chuyển đến 17:00 ngày 16/03/2026
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "đúng hạn"

  Kịch bản: QT-GPLX-01 hồ sơ nộp thứ Sáu trước Tết, thời hạn tính tiếp sau kỳ nghỉ
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 13/02/2026 qua kênh "trực tuyến"
    Thì hạn trả kết quả là 10:00 ngày 27/02/2026

  # Không có mốc 15 giờ riêng: 15:30 thứ Sáu 13/02, nghỉ Tết 14–22/02, 05 ngày làm việc là 23, 24,
  # 25, 26, 27/02 → 15:30 thứ Sáu 27/02.
  Kịch bản: QT-GPLX-01 hồ sơ nộp sau 15 giờ thứ Sáu trước Tết, 05 ngày làm việc tính tiếp sau Tết
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 15:30 ngày 27/02/2026

  Kịch bản: QT-GPLX-01 cán bộ tiếp nhận không được ký giấy phép, người trình không tự ký
    Biết "le.bao" giữ vai trò "lanh-dao"
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "le.bao" thực hiện "trinh"
      | trường       | giá trị      |
      | du_dieu_kien | có           |
      | hang_gplx    | B            |
      | so_gplx_cu   | 790123450000 |
      | suc_khoe_dat | có           |
      | du_lieu_khop | có           |
    Và "le.an" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "vai trò"
    Khi "le.bao" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "tự phê duyệt"
    Và hồ sơ ở bước "ky_duyet"
