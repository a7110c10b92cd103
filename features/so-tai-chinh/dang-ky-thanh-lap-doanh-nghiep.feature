# language: vi
Tính năng: QT-DKKD-01 Đăng ký thành lập doanh nghiệp tại Phòng Đăng ký kinh doanh
  Luật Doanh nghiệp 59/2020/QH14, Điều 26 khoản 5: trong 03 ngày làm việc kể từ ngày nhận hồ sơ,
  Phòng Đăng ký kinh doanh xem xét tính hợp lệ và cấp đăng ký doanh nghiệp; hồ sơ chưa hợp lệ thì
  thông báo bằng văn bản nội dung cần sửa đổi, bổ sung; từ chối thì nêu rõ lý do. Giấy chứng nhận
  được ký số trên Hệ thống thông tin quốc gia về đăng ký doanh nghiệp, không qua văn thư.

  Bối cảnh:
    Biết quy trình "QT-DKKD-01" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "tran.binh" giữ vai trò "chuyen-vien"
    Và "pham.chi" giữ vai trò "lanh-dao"
    Và người nộp hồ sơ là "Lý Quốc Bảo"

  Kịch bản: QT-DKKD-01 hồ sơ hợp lệ, cấp Giấy chứng nhận đăng ký doanh nghiệp sớm hạn
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 04/03/2026 qua kênh "trực tuyến"
    Thì hạn trả kết quả là 09:00 ngày 09/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị    |
      | ho_so_day_du   | có         |
      | hinh_thuc_nhan | truc_tuyen |
    Thì hồ sơ ở bước "chuyen"
    Và phiếu "giay-tiep-nhan" có nội dung "Lý Quốc Bảo"
    Và phiếu "giay-tiep-nhan" có nội dung "Đăng ký thành lập doanh nghiệp"
    Và hạn của bước hiện tại là 10:00 ngày 04/03/2026
    Khi "le.an" thực hiện "ban_giao"
    Thì hồ sơ ở bước "tham_dinh"
    Khi 1 ngày làm việc trôi qua
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Thì bước "tham_dinh" hoàn thành "sớm hạn"
    Khi 2 giờ làm việc trôi qua
    Và "pham.chi" thực hiện "ky"
    Thì hồ sơ ở bước "tra_ket_qua"
    Khi "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-DKKD-01 trả Giấy chứng nhận đúng thời điểm hẹn là đúng hạn
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Và "pham.chi" thực hiện "ky"
    Và đồng hồ chuyển đến 09:00 ngày 09/03/2026
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "đúng hạn"

  Kịch bản: QT-DKKD-01 Điều lệ công ty thiếu chữ ký, thông báo sửa đổi, bổ sung rồi tính lại thời hạn
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và 1 ngày làm việc trôi qua
    Và "tran.binh" thực hiện "yeu_cau_bo_sung"
      | trường           | giá trị                                                                  |
      | noi_dung_bo_sung | Điều lệ công ty chưa có chữ ký của thành viên góp vốn Trần Văn Tâm; bổ sung bản sao Thẻ Căn cước của người đại diện theo pháp luật |
    Thì hồ sơ ở bước "cho_bo_sung"
    Và phiếu "phieu-bo-sung" được cấp
    Và phiếu "phieu-bo-sung" có nội dung "Điều lệ công ty chưa có chữ ký của thành viên góp vốn Trần Văn Tâm"
    Và phiếu "phieu-bo-sung" có nội dung "Lý Quốc Bảo"
    Khi đồng hồ chuyển đến 10:00 ngày 10/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hồ sơ ở bước "tiep_nhan"
    Và hạn trả kết quả là 10:00 ngày 13/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Và "pham.chi" thực hiện "ky"
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-DKKD-01 hồ sơ nộp thiếu Giấy đề nghị, hướng dẫn bổ sung ngay tại bộ phận tiếp nhận
    Khi hồ sơ được tiếp nhận lúc 14:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường           | giá trị                                                         |
      | ho_so_day_du     | không                                                           |
      | noi_dung_bo_sung | Giấy đề nghị đăng ký doanh nghiệp có chữ ký của chủ doanh nghiệp |
    Thì hồ sơ ở bước "cho_bo_sung"
    Và phiếu "phieu-bo-sung" có nội dung "Giấy đề nghị đăng ký doanh nghiệp có chữ ký"
    Khi "le.an" thực hiện "rut_ho_so"
      | trường | giá trị                                              |
      | ly_do  | Người thành lập doanh nghiệp đề nghị rút hồ sơ để nộp trực tuyến |
    Thì hồ sơ kết thúc với kết quả "rút hồ sơ"

  Kịch bản: QT-DKKD-01 ngành, nghề cấm đầu tư kinh doanh, ký thông báo từ chối
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | không   |
    Và "pham.chi" thực hiện "ky_tu_choi"
      | trường | giá trị                                                                                          |
      | ly_do  | Ngành, nghề đăng ký thuộc ngành, nghề cấm đầu tư kinh doanh theo Điều 6 Luật Đầu tư 61/2020/QH14 |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" được cấp
    Và phiếu "phieu-tu-choi" có nội dung "ngành, nghề cấm đầu tư kinh doanh"
    Và phiếu "phieu-tu-choi" có nội dung "Lý Quốc Bảo"

  Kịch bản: QT-DKKD-01 cần lấy ý kiến về tên doanh nghiệp, xin lỗi và hẹn lại ngày trả kết quả
    Khi hồ sơ được tiếp nhận lúc 08:30 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 08:30 ngày 09/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 08:30 ngày 06/03/2026
    Và "pham.chi" thực hiện "xin_loi"
      | trường       | giá trị                                                                                 |
      | ly_do        | Tên doanh nghiệp dự kiến gây nhầm lẫn với tên doanh nghiệp đã đăng ký, cần xin ý kiến cơ quan chuyên môn |
      | ngay_hen_moi | 17:00 ngày 11/03/2026                                                                   |
    Thì phiếu "phieu-xin-loi" được cấp
    Và phiếu "phieu-xin-loi" có nội dung "cần xin ý kiến cơ quan chuyên môn"
    Và phiếu "phieu-xin-loi" có nội dung "Lý Quốc Bảo"
    Và hạn trả kết quả là 17:00 ngày 11/03/2026
    Khi đồng hồ chuyển đến 09:00 ngày 10/03/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Thì bước "tham_dinh" hoàn thành "quá hạn"
    Khi "pham.chi" thực hiện "ky"
    Và đồng hồ chuyển đến 16:00 ngày 11/03/2026
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-DKKD-01 xin lỗi lần thứ hai thì bị từ chối
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "pham.chi" thực hiện "xin_loi"
      | trường       | giá trị                          |
      | ly_do        | Cần xin ý kiến về tên doanh nghiệp |
      | ngay_hen_moi | 17:00 ngày 11/03/2026            |
    Và "pham.chi" thử thực hiện "xin_loi"
      | trường       | giá trị                      |
      | ly_do        | Chưa nhận được ý kiến        |
      | ngay_hen_moi | 17:00 ngày 13/03/2026        |
    Thì thao tác bị từ chối vì "điều kiện"
    Và hạn trả kết quả là 17:00 ngày 11/03/2026

  Kịch bản: QT-DKKD-01 xin lỗi khi chỉ còn dưới một ngày làm việc thì bị từ chối
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 10:00 ngày 06/03/2026
    Và "pham.chi" thử thực hiện "xin_loi"
      | trường       | giá trị                          |
      | ly_do        | Cần xin ý kiến về tên doanh nghiệp |
      | ngay_hen_moi | 17:00 ngày 11/03/2026            |
    Thì thao tác bị từ chối vì "gia hạn muộn"

  Kịch bản: QT-DKKD-01 tiếp nhận thứ Sáu trước Tết, thời hạn không tính kỳ nghỉ Tết
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 10:00 ngày 25/02/2026

  Kịch bản: QT-DKKD-01 thời hạn tính cả ngày thứ Bảy làm bù
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 08/01/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 10:00 ngày 12/01/2026

  # Luật Doanh nghiệp 59/2020/QH14 không quy định mốc 15 giờ: 03 ngày làm việc tính từ lúc tiếp nhận
  # (16:00 thứ Tư 04/03 → 16:00 thứ Hai 09/03). Mốc 15 giờ của Nghị định 61/2018/NĐ-CP, Điều 18 khoản 2
  # là quy tắc chuyển hồ sơ giấy: nó dời thời hạn của bước đang giữ hồ sơ, không dời ngày hẹn.
  Kịch bản: QT-DKKD-01 tiếp nhận lúc 16 giờ vẫn tính thời hạn từ lúc tiếp nhận
    Khi hồ sơ được tiếp nhận lúc 16:00 ngày 04/03/2026 qua kênh "trực tuyến"
    Thì hạn trả kết quả là 16:00 ngày 09/03/2026

  # Mốc 15 giờ là quy tắc chuyển hồ sơ (Nghị định 61/2018/NĐ-CP, Điều 18 khoản 2): hồ sơ kiểm tra xong
  # lúc 15:10 thứ Hai 02/03 được chuyển vào đầu giờ ngày làm việc tiếp theo, nên bước "chuyen" (1 giờ)
  # tính từ 07:30 thứ Ba: hạn 08:30; chuyển lúc 08:00 là sớm hạn, phiếu kiểm soát không ghi quá hạn.
  # Ngày hẹn không dời: 03 ngày làm việc từ 14:40 thứ Hai → 14:40 thứ Năm 05/03.
  # Thời gian làm việc của các bước cộng lại bằng của hồ sơ: 30 + 140 + 270 + 90 + 30 = 560 phút.
  Kịch bản: QT-DKKD-01 kiểm tra xong lúc 15:10, chuyển hồ sơ lúc 08:00 sáng hôm sau không bị tính quá hạn
    Khi hồ sơ được tiếp nhận lúc 14:40 ngày 02/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 14:40 ngày 05/03/2026
    Khi đồng hồ chuyển đến 15:10 ngày 02/03/2026
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Thì hồ sơ ở bước "chuyen"
    Và hạn của bước hiện tại là 08:30 ngày 03/03/2026
    Và hạn trả kết quả là 14:40 ngày 05/03/2026
    Khi đồng hồ chuyển đến 08:00 ngày 03/03/2026
    Và "le.an" thực hiện "ban_giao"
    Thì bước "chuyen" hoàn thành "sớm hạn"
    Khi đồng hồ chuyển đến 14:00 ngày 03/03/2026
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Thì bước "tham_dinh" hoàn thành "sớm hạn"
    Khi đồng hồ chuyển đến 15:30 ngày 03/03/2026
    Và "pham.chi" thực hiện "ky"
    Thì bước "ky_duyet" hoàn thành "sớm hạn"
    Và hạn của bước hiện tại là 08:30 ngày 04/03/2026
    Khi đồng hồ chuyển đến 16:00 ngày 03/03/2026
    Và "le.an" thực hiện "tra"
    Thì bước "tra_ket_qua" hoàn thành "sớm hạn"
    Và hồ sơ được giải quyết "sớm hạn"
    Và phiếu "phieu-kiem-soat" có nội dung "Trước hạn"

  Kịch bản: QT-DKKD-01 tiếp nhận đúng 15 giờ tính thời hạn từ thời điểm nhận
    Khi hồ sơ được tiếp nhận lúc 15:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 15:00 ngày 09/03/2026

  Kịch bản: QT-DKKD-01 chuyên viên không được ký Giấy chứng nhận đăng ký doanh nghiệp
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường       | giá trị |
      | du_dieu_kien | có      |
    Và "tran.binh" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "vai trò"
    Và hồ sơ ở bước "ky_duyet"

  Kịch bản: QT-DKKD-01 người xử lý hồ sơ không được tự ký số Giấy chứng nhận
    Biết "tran.binh" giữ vai trò "lanh-dao"
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 04/03/2026 qua kênh "trực tiếp"
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
