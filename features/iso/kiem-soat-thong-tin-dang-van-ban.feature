# language: vi
Tính năng: QT-ISO-01 Kiểm soát thông tin dạng văn bản
  Quy trình nội bộ của Hệ thống quản lý chất lượng (TCVN ISO 9001:2015, điều 7.5): đề nghị ban hành
  mới hoặc sửa đổi tài liệu, soạn thảo, xem xét, phê duyệt, ban hành và thu hồi bản lỗi thời.
  Thời hạn nội bộ 10 ngày làm việc do Sở quy định.
  # Không có giờ chốt 15:00 (kịch bản 6 của thủ tục hành chính): đây là quy trình nội bộ, không có
  # quy định pháp luật về giờ tiếp nhận; đề nghị nhận lúc nào thì tính từ lúc đó.

  Bối cảnh:
    Biết quy trình "QT-ISO-01" đang có hiệu lực
    Và "nguyen.huong" giữ vai trò "thu-ky-iso"
    Và "le.minh" giữ vai trò "chuyen-vien"
    Và "tran.lan" giữ vai trò "truong-phong"
    Và "vo.hai" giữ vai trò "dai-dien-lanh-dao"
    Và "pham.tuan" giữ vai trò "giam-doc"
    Và người nộp hồ sơ là "Phòng Hành chính tư pháp"

  Kịch bản: QT-ISO-01 sửa đổi quy trình được ban hành sớm hạn và bản cũ được thu hồi
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường           | giá trị                                   |
      | loai_de_nghi     | Sửa đổi                                   |
      | ten_tai_lieu     | Quy trình chứng thực bản sao từ bản chính |
      | noi_dung_de_nghi | Cập nhật theo Nghị định 118/2025/NĐ-CP    |
    Thì hạn trả kết quả là 08:00 ngày 16/03/2026
    Khi "nguyen.huong" thực hiện "trinh_de_nghi"
    Thì hồ sơ ở bước "xem_xet_de_nghi"
    Và phiếu "phieu-kiem-soat" được cấp
    Và phiếu "phieu-kiem-soat" có nội dung "Phòng Hành chính tư pháp"
    Khi 4 giờ làm việc trôi qua
    Và "vo.hai" thực hiện "giao_soan_thao"
    Và 2 ngày làm việc trôi qua
    Và "le.minh" thực hiện "trinh_xem_xet"
      | trường       | giá trị  |
      | ma_tai_lieu  | QT-CT-01 |
      | lan_ban_hanh | 2        |
    Và 1 ngày làm việc trôi qua
    Và "tran.lan" thực hiện "dat_yeu_cau"
    Và 1 ngày làm việc trôi qua
    Và "pham.tuan" thực hiện "phe_duyet"
      | trường        | giá trị    |
      | ngay_hieu_luc | 2026-03-16 |
    Thì hồ sơ ở bước "ban_hanh"
    Khi "nguyen.huong" thử thực hiện "phan_phoi"
      | trường            | giá trị |
      | da_thu_hoi_ban_cu | không   |
    Thì thao tác bị từ chối vì "điều kiện"
    Khi 2 giờ làm việc trôi qua
    Và "nguyen.huong" thực hiện "phan_phoi"
      | trường            | giá trị |
      | da_thu_hoi_ban_cu | có      |
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"
    Và bước "soan_thao" hoàn thành "sớm hạn"

  Kịch bản: QT-ISO-01 dự thảo bị trả lại để chỉnh sửa rồi trình lại, ban hành đúng hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường           | giá trị                                        |
      | loai_de_nghi     | Ban hành mới                                   |
      | ten_tai_lieu     | Hướng dẫn lưu trữ hồ sơ điện tử                |
      | noi_dung_de_nghi | Bổ sung hướng dẫn theo yêu cầu chuyển đổi số   |
    Và "nguyen.huong" thực hiện "trinh_de_nghi"
    Và 1 ngày làm việc trôi qua
    Và "vo.hai" thực hiện "giao_soan_thao"
    Và 3 ngày làm việc trôi qua
    Và "le.minh" thực hiện "trinh_xem_xet"
      | trường       | giá trị  |
      | ma_tai_lieu  | HD-ISO-03 |
      | lan_ban_hanh | 1        |
    Và 1 ngày làm việc trôi qua
    Và "tran.lan" thực hiện "tra_lai" với ý kiến "Thiếu mục hồ sơ cần lưu"
      | trường | giá trị                                      |
      | y_kien | Bổ sung mục 7 Hồ sơ cần lưu và thời hạn lưu |
    Thì hồ sơ ở bước "soan_thao"
    Và trường "y_kien" là "Bổ sung mục 7 Hồ sơ cần lưu và thời hạn lưu"
    Và hạn của bước hiện tại là 08:00 ngày 12/03/2026
    Và hạn trả kết quả là 08:00 ngày 16/03/2026
    Khi 1 ngày làm việc trôi qua
    Và "le.minh" thực hiện "trinh_xem_xet"
    Và 4 giờ làm việc trôi qua
    Và "tran.lan" thực hiện "dat_yeu_cau"
    Và 1 ngày làm việc trôi qua
    Và "pham.tuan" thực hiện "phe_duyet"
      | trường        | giá trị    |
      | ngay_hieu_luc | 2026-03-16 |
    Và đồng hồ chuyển đến 08:00 ngày 16/03/2026
    Và "nguyen.huong" thực hiện "phan_phoi"
      | trường            | giá trị |
      | da_thu_hoi_ban_cu | không   |
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "đúng hạn"
    Và bước "ban_hanh" hoàn thành "quá hạn"

  Kịch bản: QT-ISO-01 đề nghị sửa đổi không được chấp thuận
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường           | giá trị                                     |
      | loai_de_nghi     | Sửa đổi                                     |
      | ten_tai_lieu     | Quy trình đánh giá nội bộ                   |
      | noi_dung_de_nghi | Rút ngắn thời gian đánh giá tại các phòng   |
      | ho_ten           | Phòng Bổ trợ tư pháp                        |
    Và "nguyen.huong" thực hiện "trinh_de_nghi"
    Và 2 giờ làm việc trôi qua
    Và "vo.hai" thực hiện "khong_chap_thuan"
      | trường | giá trị                                                       |
      | ly_do  | Quy trình vừa ban hành, chưa đủ dữ liệu đánh giá hiệu lực      |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và trường "ly_do" là "Quy trình vừa ban hành, chưa đủ dữ liệu đánh giá hiệu lực"
    Và phiếu "phieu-kiem-soat" có nội dung "Kèm theo hồ sơ của: Phòng Bổ trợ tư pháp"
    Và phiếu "phieu-kiem-soat" có nội dung "Kiểm soát thông tin dạng văn bản"

  Kịch bản: QT-ISO-01 soạn thảo chậm được gia hạn một lần nhưng vẫn quá hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường           | giá trị                              |
      | loai_de_nghi     | Sửa đổi                              |
      | ten_tai_lieu     | Sổ tay chất lượng                    |
      | noi_dung_de_nghi | Cập nhật sơ đồ tổ chức sau sắp xếp   |
    Và "nguyen.huong" thực hiện "trinh_de_nghi"
    Và 4 giờ làm việc trôi qua
    Và "vo.hai" thực hiện "giao_soan_thao"
    Và đồng hồ chuyển đến 09:00 ngày 10/03/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "vo.hai" thực hiện "gia_han"
      | trường       | giá trị                                   |
      | ly_do        | Chờ quyết định phê duyệt cơ cấu tổ chức   |
      | ngay_hen_moi | 2026-03-20T17:00                          |
    Thì hạn trả kết quả là 17:00 ngày 20/03/2026
    Và trường "da_gia_han" là "có"
    Khi đồng hồ chuyển đến 09:00 ngày 19/03/2026
    Và "vo.hai" thử thực hiện "gia_han"
      | trường       | giá trị          |
      | ly_do        | Xin thêm thời gian |
      | ngay_hen_moi | 2026-03-27T17:00 |
    Thì thao tác bị từ chối vì "điều kiện"
    Khi đồng hồ chuyển đến 09:00 ngày 23/03/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "le.minh" thực hiện "trinh_xem_xet"
      | trường       | giá trị |
      | ma_tai_lieu  | STCL    |
      | lan_ban_hanh | 3       |
    Và 2 giờ làm việc trôi qua
    Và "tran.lan" thực hiện "dat_yeu_cau"
    Và 2 giờ làm việc trôi qua
    Và "pham.tuan" thực hiện "phe_duyet"
      | trường        | giá trị    |
      | ngay_hieu_luc | 2026-03-25 |
    Và 2 giờ làm việc trôi qua
    Và "nguyen.huong" thực hiện "phan_phoi"
      | trường            | giá trị |
      | da_thu_hoi_ban_cu | có      |
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "quá hạn"
    Và bước "soan_thao" hoàn thành "quá hạn"

  Kịch bản: QT-ISO-01 gia hạn khi chỉ còn chưa đến một ngày làm việc thì bị từ chối
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường           | giá trị                        |
      | loai_de_nghi     | Sửa đổi                        |
      | ten_tai_lieu     | Mục tiêu chất lượng năm 2026   |
      | noi_dung_de_nghi | Điều chỉnh chỉ tiêu trước hạn  |
    Và "nguyen.huong" thực hiện "trinh_de_nghi"
    Và "vo.hai" thực hiện "giao_soan_thao"
    Và đồng hồ chuyển đến 14:00 ngày 13/03/2026
    Và "vo.hai" thử thực hiện "gia_han"
      | trường       | giá trị          |
      | ly_do        | Chờ số liệu quý I |
      | ngay_hen_moi | 2026-03-20T17:00 |
    Thì thao tác bị từ chối vì "gia hạn muộn"
    Và hạn trả kết quả là 08:00 ngày 16/03/2026

  Kịch bản: QT-ISO-01 đề nghị nhận ngày 13/02/2026 trước Tết, thời hạn tính tiếp sau kỳ nghỉ
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 13/02/2026 qua kênh "trực tiếp"
      | trường           | giá trị                             |
      | loai_de_nghi     | Sửa đổi                             |
      | ten_tai_lieu     | Quy trình cấp bản sao trích lục     |
      | noi_dung_de_nghi | Cập nhật mẫu giấy tờ mới            |
    Thì hạn trả kết quả là 08:00 ngày 06/03/2026
    Và hạn của bước hiện tại là 08:00 ngày 23/02/2026
    # Giao sau 15 giờ (quy tắc chuyển hồ sơ, Nghị định 61/2018 Điều 18 khoản 2): bước tính từ 07:30
    # ngày làm việc tiếp theo (thứ Hai 23/02, sau Tết); 1 ngày làm việc = 8 giờ → 17:00 ngày 23/02.
    Khi đồng hồ chuyển đến 16:00 ngày 13/02/2026
    Và "nguyen.huong" thực hiện "trinh_de_nghi"
    Thì hạn của bước hiện tại là 17:00 ngày 23/02/2026

  Kịch bản: QT-ISO-01 người soạn thảo không được tự phê duyệt, sai vai trò cũng bị từ chối
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường           | giá trị                         |
      | loai_de_nghi     | Sửa đổi                         |
      | ten_tai_lieu     | Quy trình xem xét của lãnh đạo  |
      | noi_dung_de_nghi | Bổ sung đầu vào về rủi ro       |
    Và "nguyen.huong" thực hiện "trinh_de_nghi"
    Và "le.minh" thử thực hiện "giao_soan_thao"
    Thì thao tác bị từ chối vì "vai trò"
    Khi "vo.hai" thực hiện "giao_soan_thao"
    Và "le.minh" thực hiện "trinh_xem_xet"
      | trường       | giá trị   |
      | ma_tai_lieu  | QT-ISO-04 |
      | lan_ban_hanh | 2         |
    Và "tran.lan" thực hiện "dat_yeu_cau"
    Biết "le.minh" giữ vai trò "giam-doc"
    Khi "le.minh" thử thực hiện "phe_duyet"
      | trường        | giá trị    |
      | ngay_hieu_luc | 2026-03-10 |
    Thì thao tác bị từ chối vì "tự phê duyệt"
    Và hồ sơ ở bước "phe_duyet"
