# language: vi
Tính năng: QT-ISO-02 Đánh giá nội bộ
  Quy trình nội bộ của Hệ thống quản lý chất lượng (TCVN ISO 9001:2015, điều 9.2): chương trình,
  kế hoạch, đánh giá tại các phòng, báo cáo, theo dõi khắc phục, đóng đợt đánh giá. Mỗi "hồ sơ"
  là một đợt đánh giá; thời hạn nội bộ 30 ngày làm việc.
  # Không có giờ chốt 15:00 (kịch bản 6 của thủ tục hành chính): quy trình nội bộ, thời hạn tính
  # từ lúc Thư ký ISO mở đợt đánh giá.

  Bối cảnh:
    Biết quy trình "QT-ISO-02" đang có hiệu lực
    Và "nguyen.huong" giữ vai trò "thu-ky-iso"
    Và "vo.hai" giữ vai trò "dai-dien-lanh-dao"
    Và "hoang.son" giữ vai trò "truong-doan"
    Và "tran.kiem" giữ vai trò "danh-gia-vien"
    Và người nộp hồ sơ là "Ban Chỉ đạo ISO Sở Tư pháp"

  Kịch bản: QT-ISO-02 đợt đánh giá có điểm không phù hợp được khắc phục và đóng sớm hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường       | giá trị                                         |
      | nam_danh_gia | 2026                                            |
      | pham_vi      | Văn phòng, Phòng Hành chính tư pháp, Phòng Bổ trợ tư pháp |
      | chuan_muc    | TCVN ISO 9001:2015 và các quy trình nội bộ      |
    Thì hạn trả kết quả là 08:00 ngày 13/04/2026
    Khi 2 ngày làm việc trôi qua
    Và "nguyen.huong" thực hiện "trinh_chuong_trinh"
    Thì phiếu "phieu-kiem-soat" có nội dung "Ban Chỉ đạo ISO Sở Tư pháp"
    Khi 1 ngày làm việc trôi qua
    Và "vo.hai" thực hiện "duyet_chuong_trinh"
    Và 2 ngày làm việc trôi qua
    Và "hoang.son" thực hiện "gui_ke_hoach"
      | trường        | giá trị    |
      | ngay_danh_gia | 2026-03-16 |
    Và 5 ngày làm việc trôi qua
    Và "hoang.son" thực hiện "ket_thuc_danh_gia"
    Và 2 ngày làm việc trôi qua
    Và "hoang.son" thực hiện "trinh_bao_cao"
      | trường           | giá trị |
      | so_khong_phu_hop | 2       |
      | so_khuyen_nghi   | 3       |
    Và 1 ngày làm việc trôi qua
    Và "vo.hai" thực hiện "duyet_bao_cao"
    Thì hồ sơ ở bước "theo_doi"
    Và hạn của bước hiện tại là 08:00 ngày 02/04/2026
    Khi 8 ngày làm việc trôi qua
    Và "tran.kiem" thử thực hiện "xac_nhan_khac_phuc"
      | trường           | giá trị |
      | da_khac_phuc_het | không   |
    Thì thao tác bị từ chối vì "điều kiện"
    Khi "tran.kiem" thực hiện "xac_nhan_khac_phuc"
      | trường           | giá trị |
      | da_khac_phuc_het | có      |
    Và 1 ngày làm việc trôi qua
    Và "nguyen.huong" thực hiện "dong_dot_danh_gia"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-ISO-02 chương trình và báo cáo bị trả lại chỉnh sửa, không có điểm không phù hợp
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường       | giá trị                      |
      | nam_danh_gia | 2026                         |
      | pham_vi      | Phòng Hành chính tư pháp     |
      | chuan_muc    | TCVN ISO 9001:2015           |
    Và "nguyen.huong" thực hiện "trinh_chuong_trinh"
    Và 1 ngày làm việc trôi qua
    Và "vo.hai" thực hiện "tra_lai_chuong_trinh" với ý kiến "Thiếu Phòng Bổ trợ tư pháp"
      | trường | giá trị                                                |
      | y_kien | Bổ sung Phòng Bổ trợ tư pháp vào phạm vi đánh giá năm 2026 |
    Thì hồ sơ ở bước "lap_chuong_trinh"
    Và hạn của bước hiện tại là 08:00 ngày 06/03/2026
    Khi 4 giờ làm việc trôi qua
    Và "nguyen.huong" thực hiện "trinh_chuong_trinh"
      | trường  | giá trị                                            |
      | pham_vi | Phòng Hành chính tư pháp, Phòng Bổ trợ tư pháp     |
    Và 4 giờ làm việc trôi qua
    Và "vo.hai" thực hiện "duyet_chuong_trinh"
    Và "hoang.son" thực hiện "gui_ke_hoach"
      | trường        | giá trị    |
      | ngay_danh_gia | 2026-03-10 |
    Và 3 ngày làm việc trôi qua
    Và "hoang.son" thực hiện "ket_thuc_danh_gia"
    Và "hoang.son" thực hiện "trinh_bao_cao"
      | trường           | giá trị |
      | so_khong_phu_hop | 0       |
      | so_khuyen_nghi   | 1       |
    Và "vo.hai" thực hiện "tra_lai_bao_cao"
      | trường | giá trị                                         |
      | y_kien | Nêu rõ bằng chứng cho khuyến nghị cải tiến      |
    Thì hồ sơ ở bước "lap_bao_cao"
    Khi 2 giờ làm việc trôi qua
    Và "hoang.son" thực hiện "trinh_bao_cao"
    Và "vo.hai" thực hiện "duyet_bao_cao"
    Thì hồ sơ ở bước "tong_ket"
    Khi "nguyen.huong" thực hiện "dong_dot_danh_gia"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-ISO-02 đợt đánh giá bị hủy khi chưa phê duyệt chương trình
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường       | giá trị                        |
      | nam_danh_gia | 2026                           |
      | pham_vi      | Trung tâm Trợ giúp pháp lý     |
      | chuan_muc    | TCVN ISO 9001:2015             |
    Và "nguyen.huong" thực hiện "trinh_chuong_trinh"
    Và 1 ngày làm việc trôi qua
    Và "vo.hai" thử thực hiện "huy_dot_danh_gia"
    Thì thao tác bị từ chối vì "thiếu dữ liệu"
    Khi "vo.hai" thực hiện "huy_dot_danh_gia"
      | trường | giá trị                                                         |
      | ly_do  | Trung tâm sáp nhập, gộp vào đợt đánh giá tháng 9/2026           |
    Thì hồ sơ kết thúc với kết quả "dừng giải quyết"
    Và trường "ly_do" là "Trung tâm sáp nhập, gộp vào đợt đánh giá tháng 9/2026"

  Kịch bản: QT-ISO-02 khắc phục kéo dài, gia hạn một lần rồi vẫn quá hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường       | giá trị                   |
      | nam_danh_gia | 2026                      |
      | pham_vi      | Văn phòng Sở              |
      | chuan_muc    | TCVN ISO 9001:2015        |
    Và "nguyen.huong" thực hiện "trinh_chuong_trinh"
    Và "vo.hai" thực hiện "duyet_chuong_trinh"
    Và "hoang.son" thực hiện "gui_ke_hoach"
      | trường        | giá trị    |
      | ngay_danh_gia | 2026-03-05 |
    Và "hoang.son" thực hiện "ket_thuc_danh_gia"
    Và "hoang.son" thực hiện "trinh_bao_cao"
      | trường           | giá trị |
      | so_khong_phu_hop | 4       |
      | so_khuyen_nghi   | 0       |
    Và "vo.hai" thực hiện "duyet_bao_cao"
    Thì hồ sơ ở bước "theo_doi"
    Khi đồng hồ chuyển đến 09:00 ngày 06/04/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "vo.hai" thực hiện "gia_han" với ý kiến "Chờ sửa đổi phần mềm một cửa"
      | trường       | giá trị                                         |
      | ly_do        | Khắc phục phụ thuộc nâng cấp phần mềm một cửa   |
      | ngay_hen_moi | 2026-04-22T17:00                                |
    Thì hạn trả kết quả là 17:00 ngày 22/04/2026
    Khi đồng hồ chuyển đến 09:00 ngày 23/04/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "tran.kiem" thực hiện "xac_nhan_khac_phuc"
      | trường           | giá trị |
      | da_khac_phuc_het | có      |
    Và 2 giờ làm việc trôi qua
    Và "nguyen.huong" thực hiện "dong_dot_danh_gia"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "quá hạn"
    Và bước "theo_doi" hoàn thành "quá hạn"

  Kịch bản: QT-ISO-02 đợt đánh giá mở ngày 13/02/2026, thời hạn không tính kỳ nghỉ Tết
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 13/02/2026 qua kênh "trực tiếp"
      | trường       | giá trị            |
      | nam_danh_gia | 2026               |
      | pham_vi      | Toàn Sở            |
      | chuan_muc    | TCVN ISO 9001:2015 |
    Thì hạn trả kết quả là 08:00 ngày 03/04/2026
    Và hạn của bước hiện tại là 08:00 ngày 25/02/2026

  Kịch bản: QT-ISO-02 người lập chương trình không được tự phê duyệt, chuyên gia không được duyệt
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường       | giá trị            |
      | nam_danh_gia | 2026               |
      | pham_vi      | Toàn Sở            |
      | chuan_muc    | TCVN ISO 9001:2015 |
    Và "nguyen.huong" thực hiện "trinh_chuong_trinh"
    Và "tran.kiem" thử thực hiện "duyet_chuong_trinh"
    Thì thao tác bị từ chối vì "vai trò"
    Biết "nguyen.huong" giữ vai trò "dai-dien-lanh-dao"
    Khi "nguyen.huong" thử thực hiện "duyet_chuong_trinh"
    Thì thao tác bị từ chối vì "tự phê duyệt"
    Khi "vo.hai" thực hiện "duyet_chuong_trinh"
    Thì hồ sơ ở bước "lap_ke_hoach"
