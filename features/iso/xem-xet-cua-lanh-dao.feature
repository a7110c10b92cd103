# language: vi
Tính năng: QT-ISO-04 Xem xét của lãnh đạo
  Quy trình nội bộ của Hệ thống quản lý chất lượng (TCVN ISO 9001:2015, điều 9.3): lập kế hoạch,
  chuẩn bị đầu vào theo điều 9.3.2, họp, biên bản và thông báo kết luận, theo dõi thực hiện.
  Mỗi "hồ sơ" là một kỳ xem xét; thời hạn nội bộ 20 ngày làm việc.
  # Không có giờ chốt 15:00 (kịch bản 6 của thủ tục hành chính): quy trình nội bộ, thời hạn tính
  # từ lúc Thư ký ISO mở kỳ xem xét.

  Bối cảnh:
    Biết quy trình "QT-ISO-04" đang có hiệu lực
    Và "nguyen.huong" giữ vai trò "thu-ky-iso"
    Và "vo.hai" giữ vai trò "dai-dien-lanh-dao"
    Và "pham.tuan" giữ vai trò "giam-doc"
    Và người nộp hồ sơ là "Ban Chỉ đạo ISO Sở Tư pháp"

  Kịch bản: QT-ISO-04 kỳ xem xét năm 2026 đủ đầu vào, kết luận được ký và kết thúc sớm hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/10/2026 qua kênh "trực tiếp"
      | trường   | giá trị    |
      | nam      | 2026       |
      | ngay_hop | 2026-10-15 |
    Thì hạn trả kết quả là 08:00 ngày 02/11/2026
    Khi 1 ngày làm việc trôi qua
    Và "nguyen.huong" thực hiện "thong_bao_ke_hoach"
    Thì phiếu "phieu-kiem-soat" có nội dung "Ban Chỉ đạo ISO Sở Tư pháp"
    Khi 4 ngày làm việc trôi qua
    Và "nguyen.huong" thử thực hiện "trinh_dau_vao"
      | trường             | giá trị |
      | dv_hanh_dong_truoc | có      |
      | dv_boi_canh        | có      |
      | dv_hai_long        | có      |
      | dv_muc_tieu        | có      |
      | dv_qua_trinh       | có      |
      | dv_khong_phu_hop   | có      |
      | dv_danh_gia        | có      |
      | dv_nguon_luc       | có      |
      | dv_rui_ro          | không   |
      | dv_cai_tien        | có      |
    Thì thao tác bị từ chối vì "điều kiện"
    Khi 2 giờ làm việc trôi qua
    Và "nguyen.huong" thực hiện "trinh_dau_vao"
      | trường             | giá trị |
      | dv_hanh_dong_truoc | có      |
      | dv_boi_canh        | có      |
      | dv_hai_long        | có      |
      | dv_muc_tieu        | có      |
      | dv_qua_trinh       | có      |
      | dv_khong_phu_hop   | có      |
      | dv_danh_gia        | có      |
      | dv_nguon_luc       | có      |
      | dv_rui_ro          | có      |
      | dv_cai_tien        | có      |
    Thì hồ sơ ở bước "duyet_dau_vao"
    Và bước "chuan_bi_dau_vao" hoàn thành "sớm hạn"
    Khi 2 ngày làm việc trôi qua
    Và "vo.hai" thực hiện "duyet_dau_vao"
    Và 6 giờ làm việc trôi qua
    Và "pham.tuan" thực hiện "ket_thuc_hop"
    Và 2 ngày làm việc trôi qua
    Và "nguyen.huong" thực hiện "trinh_ket_luan"
      | trường            | giá trị                                                  |
      | co_hoi_cai_tien   | Số hóa toàn bộ phiếu kiểm soát quá trình                  |
      | thay_doi_he_thong | Sửa đổi QT-ISO-01 để phân phối tài liệu trên phần mềm      |
      | nhu_cau_nguon_luc | Bổ sung 01 chuyên gia đánh giá nội bộ cho Phòng Bổ trợ tư pháp |
    Và 1 ngày làm việc trôi qua
    Và "pham.tuan" thực hiện "ky_ket_luan"
      | trường       | giá trị       |
      | so_thong_bao | 215/TB-STP    |
    Và 3 ngày làm việc trôi qua
    Và "nguyen.huong" thực hiện "ket_thuc"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"
    Và trường "so_thong_bao" là "215/TB-STP"

  Kịch bản: QT-ISO-04 báo cáo đầu vào bị trả lại để bổ sung rồi trình lại
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/10/2026 qua kênh "trực tiếp"
      | trường             | giá trị    |
      | nam                | 2026       |
      | ngay_hop           | 2026-10-16 |
      | dv_hanh_dong_truoc | có         |
      | dv_boi_canh        | có         |
      | dv_hai_long        | có         |
      | dv_muc_tieu        | có         |
      | dv_qua_trinh       | có         |
      | dv_khong_phu_hop   | có         |
      | dv_danh_gia        | có         |
      | dv_nguon_luc       | có         |
      | dv_rui_ro          | có         |
      | dv_cai_tien        | có         |
    Và "nguyen.huong" thực hiện "thong_bao_ke_hoach"
    Và 3 ngày làm việc trôi qua
    Và "nguyen.huong" thực hiện "trinh_dau_vao"
    Và 1 ngày làm việc trôi qua
    Và "vo.hai" thực hiện "tra_lai_dau_vao" với ý kiến "Số liệu chưa đối chiếu"
      | trường | giá trị                                                                     |
      | y_kien | Tỷ lệ hồ sơ đúng hạn phải lấy từ Hệ thống thông tin giải quyết TTHC của tỉnh |
    Thì hồ sơ ở bước "chuan_bi_dau_vao"
    Và hạn của bước hiện tại là 08:00 ngày 16/10/2026
    Và hạn trả kết quả là 08:00 ngày 02/11/2026
    Khi 1 ngày làm việc trôi qua
    Và "nguyen.huong" thực hiện "trinh_dau_vao"
    Và 4 giờ làm việc trôi qua
    Và "vo.hai" thực hiện "duyet_dau_vao"
    Thì hồ sơ ở bước "hop"
    Và bước "chuan_bi_dau_vao" hoàn thành "sớm hạn"

  Kịch bản: QT-ISO-04 kỳ xem xét bị hủy vì gộp vào kỳ xem xét khác
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/10/2026 qua kênh "trực tiếp"
      | trường             | giá trị    |
      | nam                | 2026       |
      | ngay_hop           | 2026-10-15 |
      | dv_hanh_dong_truoc | có         |
      | dv_boi_canh        | có         |
      | dv_hai_long        | có         |
      | dv_muc_tieu        | có         |
      | dv_qua_trinh       | có         |
      | dv_khong_phu_hop   | có         |
      | dv_danh_gia        | có         |
      | dv_nguon_luc       | có         |
      | dv_rui_ro          | có         |
      | dv_cai_tien        | có         |
    Và "nguyen.huong" thực hiện "thong_bao_ke_hoach"
    Và "nguyen.huong" thực hiện "trinh_dau_vao"
    Và "vo.hai" thực hiện "duyet_dau_vao"
    Và "pham.tuan" thực hiện "huy_ky_xem_xet"
      | trường | giá trị                                                                         |
      | ly_do  | Gộp vào kỳ xem xét sau sáp nhập đơn vị theo quyết định của UBND tỉnh              |
    Thì hồ sơ kết thúc với kết quả "dừng giải quyết"
    Và trường "ly_do" là "Gộp vào kỳ xem xét sau sáp nhập đơn vị theo quyết định của UBND tỉnh"

  Kịch bản: QT-ISO-04 các phòng chậm gửi báo cáo, gia hạn một lần nhưng kỳ xem xét vẫn quá hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/10/2026 qua kênh "trực tiếp"
      | trường   | giá trị    |
      | nam      | 2026       |
      | ngay_hop | 2026-10-23 |
    Và "nguyen.huong" thực hiện "thong_bao_ke_hoach"
    Thì hạn của bước hiện tại là 08:00 ngày 12/10/2026
    Khi đồng hồ chuyển đến 09:00 ngày 15/10/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "vo.hai" thực hiện "gia_han"
      | trường       | giá trị                                           |
      | ly_do        | Chờ kết quả đo lường sự hài lòng năm 2026 của tỉnh |
      | ngay_hen_moi | 2026-11-06T17:00                                  |
    Thì hạn trả kết quả là 17:00 ngày 06/11/2026
    Và trường "da_gia_han" là "có"
    Khi đồng hồ chuyển đến 09:00 ngày 09/11/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "nguyen.huong" thực hiện "trinh_dau_vao"
      | trường             | giá trị |
      | dv_hanh_dong_truoc | có      |
      | dv_boi_canh        | có      |
      | dv_hai_long        | có      |
      | dv_muc_tieu        | có      |
      | dv_qua_trinh       | có      |
      | dv_khong_phu_hop   | có      |
      | dv_danh_gia        | có      |
      | dv_nguon_luc       | có      |
      | dv_rui_ro          | có      |
      | dv_cai_tien        | có      |
    Và "vo.hai" thực hiện "duyet_dau_vao"
    Và "pham.tuan" thực hiện "ket_thuc_hop"
    Và "nguyen.huong" thực hiện "trinh_ket_luan"
      | trường            | giá trị                           |
      | co_hoi_cai_tien   | Khảo sát sự hài lòng hằng quý      |
      | thay_doi_he_thong | Không                             |
      | nhu_cau_nguon_luc | Không                             |
    Và "pham.tuan" thực hiện "ky_ket_luan"
      | trường       | giá trị    |
      | so_thong_bao | 240/TB-STP |
    Và 2 giờ làm việc trôi qua
    Và "nguyen.huong" thực hiện "ket_thuc"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "quá hạn"
    Và bước "chuan_bi_dau_vao" hoàn thành "quá hạn"

  Kịch bản: QT-ISO-04 kỳ xem xét mở ngày 21/08/2026, thứ Bảy 22/08/2026 là ngày làm bù
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 21/08/2026 qua kênh "trực tiếp"
      | trường   | giá trị    |
      | nam      | 2026       |
      | ngay_hop | 2026-09-04 |
    Thì hạn của bước hiện tại là 08:00 ngày 24/08/2026
    Và hạn trả kết quả là 08:00 ngày 22/09/2026
    Khi đồng hồ chuyển đến 10:00 ngày 22/08/2026
    Và "nguyen.huong" thực hiện "thong_bao_ke_hoach"
    Thì hồ sơ ở bước "chuan_bi_dau_vao"
    Và bước "lap_ke_hoach" hoàn thành "sớm hạn"
    Và hạn của bước hiện tại là 10:00 ngày 28/08/2026

  Kịch bản: QT-ISO-04 kỳ xem xét mở ngày 13/02/2026, thời hạn không tính kỳ nghỉ Tết
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 13/02/2026 qua kênh "trực tiếp"
      | trường   | giá trị    |
      | nam      | 2025       |
      | ngay_hop | 2026-03-05 |
    Thì hạn trả kết quả là 08:00 ngày 20/03/2026
    Và hạn của bước hiện tại là 08:00 ngày 24/02/2026

  Kịch bản: QT-ISO-04 Thư ký ISO không được ký kết luận, kể cả khi được giao quyền
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/10/2026 qua kênh "trực tiếp"
      | trường             | giá trị    |
      | nam                | 2026       |
      | ngay_hop           | 2026-10-15 |
      | dv_hanh_dong_truoc | có         |
      | dv_boi_canh        | có         |
      | dv_hai_long        | có         |
      | dv_muc_tieu        | có         |
      | dv_qua_trinh       | có         |
      | dv_khong_phu_hop   | có         |
      | dv_danh_gia        | có         |
      | dv_nguon_luc       | có         |
      | dv_rui_ro          | có         |
      | dv_cai_tien        | có         |
    Và "nguyen.huong" thực hiện "thong_bao_ke_hoach"
    Và "nguyen.huong" thực hiện "trinh_dau_vao"
    Và "vo.hai" thực hiện "duyet_dau_vao"
    Và "pham.tuan" thực hiện "ket_thuc_hop"
    Và "nguyen.huong" thực hiện "trinh_ket_luan"
      | trường            | giá trị                  |
      | co_hoi_cai_tien   | Không                    |
      | thay_doi_he_thong | Không                    |
      | nhu_cau_nguon_luc | Không                    |
    Và "nguyen.huong" thử thực hiện "ky_ket_luan"
      | trường       | giá trị    |
      | so_thong_bao | 216/TB-STP |
    Thì thao tác bị từ chối vì "vai trò"
    Biết "nguyen.huong" giữ vai trò "giam-doc"
    Khi "nguyen.huong" thử thực hiện "ky_ket_luan"
      | trường       | giá trị    |
      | so_thong_bao | 216/TB-STP |
    Thì thao tác bị từ chối vì "tự phê duyệt"
    Và hồ sơ ở bước "ky_ket_luan"
