# language: vi
Tính năng: QT-ISO-03 Kiểm soát sự không phù hợp và hành động khắc phục
  Quy trình nội bộ của Hệ thống quản lý chất lượng (TCVN ISO 9001:2015, điều 10.2): ghi nhận, xử lý
  tức thời, phân tích nguyên nhân, phê duyệt và thực hiện hành động khắc phục, kiểm tra hiệu lực
  rồi mới đóng. Thời hạn nội bộ 30 ngày làm việc.
  # Không có giờ chốt 15:00 (kịch bản 6 của thủ tục hành chính): quy trình nội bộ, thời hạn tính
  # từ lúc Thư ký ISO ghi nhận sự không phù hợp.

  Bối cảnh:
    Biết quy trình "QT-ISO-03" đang có hiệu lực
    Và "nguyen.huong" giữ vai trò "thu-ky-iso"
    Và "tran.lan" giữ vai trò "truong-phong"
    Và "tran.kiem" giữ vai trò "danh-gia-vien"
    Và "vo.hai" giữ vai trò "dai-dien-lanh-dao"
    Và người nộp hồ sơ là "Đoàn đánh giá nội bộ năm 2026"

  Kịch bản: QT-ISO-03 hành động khắc phục có hiệu lực, hồ sơ được đóng sớm hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường          | giá trị                                                          |
      | nguon           | Đánh giá nội bộ                                                  |
      | mo_ta           | 3 hồ sơ chứng thực không ghi đủ thông tin vào phiếu kiểm soát     |
      | phong_lien_quan | Phòng Hành chính tư pháp                                         |
    Thì hạn trả kết quả là 08:00 ngày 13/04/2026
    Khi 2 giờ làm việc trôi qua
    Và "nguyen.huong" thực hiện "chuyen_xu_ly"
    Thì hồ sơ ở bước "xu_ly_tuc_thoi"
    Và phiếu "phieu-kiem-soat" có nội dung "Đoàn đánh giá nội bộ năm 2026"
    Và trường "so_lan_phan_tich" là "0"
    Khi 1 ngày làm việc trôi qua
    Và "tran.lan" thực hiện "da_xu_ly"
      | trường          | giá trị                                         |
      | bien_phap_xu_ly | Bổ sung thông tin còn thiếu vào 3 phiếu kiểm soát |
    Và 2 ngày làm việc trôi qua
    Và "tran.lan" thực hiện "de_xuat_hanh_dong"
      | trường              | giá trị                                                          |
      | nguyen_nhan         | Phần mềm một cửa không bắt buộc nhập trường người nhận hồ sơ      |
      | hanh_dong_khac_phuc | Cấu hình bắt buộc nhập, tập huấn lại công chức một cửa            |
      | han_hoan_thanh      | 2026-03-27                                                       |
    Thì trường "so_lan_phan_tich" là "1"
    Khi 1 ngày làm việc trôi qua
    Và "vo.hai" thực hiện "duyet_hanh_dong"
    Và 10 ngày làm việc trôi qua
    Và "tran.lan" thực hiện "bao_cao_thuc_hien"
      | trường            | giá trị                                         |
      | ket_qua_thuc_hien | Đã cấu hình phần mềm ngày 16/03, tập huấn ngày 18/03 |
    Và 3 ngày làm việc trôi qua
    Và "tran.kiem" thực hiện "ket_luan_hieu_luc"
      | trường            | giá trị                                                |
      | hieu_qua          | có                                                     |
      | nhan_xet_hieu_luc | Kiểm tra 20 hồ sơ sau ngày 18/03: đầy đủ thông tin       |
    Và 4 giờ làm việc trôi qua
    Và "vo.hai" thực hiện "dong"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"
    Và bước "thuc_hien" hoàn thành "sớm hạn"

  Kịch bản: QT-ISO-03 hành động khắc phục không hiệu lực thì không được đóng, quay lại phân tích nguyên nhân
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường          | giá trị                                               |
      | nguon           | Hồ sơ quá hạn                                         |
      | mo_ta           | 5 hồ sơ lý lịch tư pháp trả kết quả quá hạn trong tháng 2 |
      | phong_lien_quan | Phòng Hành chính tư pháp                              |
    Và 2 giờ làm việc trôi qua
    Và "nguyen.huong" thực hiện "chuyen_xu_ly"
    Và 1 ngày làm việc trôi qua
    Và "tran.lan" thực hiện "da_xu_ly"
      | trường          | giá trị                                              |
      | bien_phap_xu_ly | Xin lỗi người dân, ưu tiên trả kết quả 5 hồ sơ       |
    Và 2 ngày làm việc trôi qua
    Và "tran.lan" thực hiện "de_xuat_hanh_dong"
      | trường              | giá trị                                     |
      | nguyen_nhan         | Thiếu công chức thẩm định trong tháng Tết   |
      | hanh_dong_khac_phuc | Bố trí thêm một công chức thẩm định         |
      | han_hoan_thanh      | 2026-03-20                                  |
    Và 1 ngày làm việc trôi qua
    Và "vo.hai" thực hiện "duyet_hanh_dong"
    Và 10 ngày làm việc trôi qua
    Và "tran.lan" thực hiện "bao_cao_thuc_hien"
      | trường            | giá trị                                   |
      | ket_qua_thuc_hien | Đã bố trí thêm công chức từ ngày 09/03     |
    Và 3 ngày làm việc trôi qua
    Và "tran.kiem" thực hiện "ket_luan_hieu_luc"
      | trường            | giá trị                                                               |
      | hieu_qua          | không                                                                 |
      | nhan_xet_hieu_luc | Tháng 3 vẫn còn 2 hồ sơ quá hạn do chờ kết quả xác minh của Công an tỉnh |
    Thì hồ sơ ở bước "dong_ho_so"
    Khi 4 giờ làm việc trôi qua
    Và "vo.hai" thử thực hiện "dong"
    Thì thao tác bị từ chối vì "điều kiện"
    Và hồ sơ ở bước "dong_ho_so"
    Khi "vo.hai" thực hiện "phan_tich_lai" với ý kiến "Nguyên nhân gốc là khâu phối hợp xác minh"
      | trường | giá trị                                                    |
      | y_kien | Phân tích lại khâu phối hợp xác minh với Công an tỉnh      |
    # Giao lúc 15:30 thứ Tư 25/03, sau 15 giờ: bước tính từ 07:30 thứ Năm 26/03 (Nghị định 61/2018
    # Điều 18 khoản 2); 3 ngày làm việc = 26, 27, 30/03 → 17:00 ngày 30/03.
    Thì hồ sơ ở bước "phan_tich_nguyen_nhan"
    Và hạn của bước hiện tại là 17:00 ngày 30/03/2026
    Khi 1 ngày làm việc trôi qua
    Và "tran.lan" thực hiện "de_xuat_hanh_dong"
      | trường              | giá trị                                                           |
      | nguyen_nhan         | Chưa có quy chế phối hợp xác minh lý lịch tư pháp với Công an tỉnh |
      | hanh_dong_khac_phuc | Ký quy chế phối hợp, theo dõi thời hạn xác minh trên phần mềm       |
      | han_hoan_thanh      | 2026-04-03                                                        |
    Thì trường "so_lan_phan_tich" là "2"
    Khi 4 giờ làm việc trôi qua
    Và "vo.hai" thực hiện "duyet_hanh_dong"
    Và 5 ngày làm việc trôi qua
    Và "tran.lan" thực hiện "bao_cao_thuc_hien"
      | trường            | giá trị                              |
      | ket_qua_thuc_hien | Quy chế phối hợp ký ngày 02/04/2026  |
    Và 1 ngày làm việc trôi qua
    Và "tran.kiem" thử thực hiện "ket_luan_hieu_luc"
      | trường            | giá trị                    |
      | nhan_xet_hieu_luc | Chưa kết luận              |
    Thì thao tác bị từ chối vì "thiếu dữ liệu"
    Khi "tran.kiem" thực hiện "ket_luan_hieu_luc"
      | trường            | giá trị                                          |
      | hieu_qua          | có                                               |
      | nhan_xet_hieu_luc | Không còn hồ sơ quá hạn sau khi áp dụng quy chế   |
    Và 4 giờ làm việc trôi qua
    Và "vo.hai" thực hiện "dong"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và trường "hieu_qua" là "có"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-ISO-03 phân tích nguyên nhân chưa thỏa đáng bị trả lại rồi trình lại
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường          | giá trị                                            |
      | nguon           | Phản ánh, kiến nghị                                |
      | mo_ta           | Công dân phản ánh bị yêu cầu nộp giấy tờ không có trong quy trình |
      | phong_lien_quan | Phòng Bổ trợ tư pháp                               |
    Và "nguyen.huong" thực hiện "chuyen_xu_ly"
    Và "tran.lan" thực hiện "da_xu_ly"
      | trường          | giá trị                                 |
      | bien_phap_xu_ly | Xin lỗi công dân, nhận hồ sơ không yêu cầu thêm |
    Và 1 ngày làm việc trôi qua
    Và "tran.lan" thực hiện "de_xuat_hanh_dong"
      | trường              | giá trị                       |
      | nguyen_nhan         | Công chức sơ suất             |
      | hanh_dong_khac_phuc | Nhắc nhở công chức            |
      | han_hoan_thanh      | 2026-03-06                    |
    Và 1 ngày làm việc trôi qua
    Và "vo.hai" thực hiện "tra_lai"
      | trường | giá trị                                                              |
      | y_kien | Sơ suất không phải nguyên nhân gốc; kiểm tra danh mục giấy tờ niêm yết |
    Thì hồ sơ ở bước "phan_tich_nguyen_nhan"
    Và hạn của bước hiện tại là 08:00 ngày 09/03/2026
    Và hạn trả kết quả là 08:00 ngày 13/04/2026
    Khi 2 ngày làm việc trôi qua
    Và "tran.lan" thực hiện "de_xuat_hanh_dong"
      | trường              | giá trị                                                   |
      | nguyen_nhan         | Danh mục giấy tờ niêm yết tại quầy chưa cập nhật theo quyết định công bố mới |
      | hanh_dong_khac_phuc | Cập nhật niêm yết, rà soát toàn bộ danh mục TTHC của phòng |
      | han_hoan_thanh      | 2026-03-20                                                |
    Thì trường "so_lan_phan_tich" là "2"
    Khi "vo.hai" thực hiện "duyet_hanh_dong"
    Thì hồ sơ ở bước "thuc_hien"
    Và bước "phan_tich_nguyen_nhan" hoàn thành "sớm hạn"

  Kịch bản: QT-ISO-03 phản ánh không phải là sự không phù hợp
    Khi hồ sơ được tiếp nhận lúc 14:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường | giá trị                                                      |
      | ho_ten | Nguyễn Văn Bình                                              |
      | nguon  | Phản ánh, kiến nghị                                          |
      | mo_ta  | Công dân phản ánh lệ phí cấp phiếu lý lịch tư pháp quá cao    |
    Và "nguyen.huong" thử thực hiện "khong_xac_nhan"
    Thì thao tác bị từ chối vì "thiếu dữ liệu"
    Khi "nguyen.huong" thực hiện "khong_xac_nhan"
      | trường | giá trị                                                                     |
      | ly_do  | Mức phí do Bộ Tài chính quy định, Sở thu đúng mức; đã trả lời công dân     |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và trường "ly_do" là "Mức phí do Bộ Tài chính quy định, Sở thu đúng mức; đã trả lời công dân"

  Kịch bản: QT-ISO-03 thực hiện khắc phục chậm, gia hạn một lần rồi vẫn quá hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường          | giá trị                                       |
      | nguon           | Theo dõi, đo lường                            |
      | mo_ta           | Tỷ lệ hồ sơ đúng hạn quý I đạt 92%, mục tiêu 98% |
      | phong_lien_quan | Phòng Hành chính tư pháp                      |
    Và "nguyen.huong" thực hiện "chuyen_xu_ly"
    Và "tran.lan" thực hiện "da_xu_ly"
      | trường          | giá trị                         |
      | bien_phap_xu_ly | Rà soát các hồ sơ đang giải quyết |
    Và "tran.lan" thực hiện "de_xuat_hanh_dong"
      | trường              | giá trị                                 |
      | nguyen_nhan         | Quy trình nội bộ thiếu bước nhắc hạn    |
      | hanh_dong_khac_phuc | Sửa quy trình, bật cảnh báo trên phần mềm |
      | han_hoan_thanh      | 2026-04-03                              |
    Và "vo.hai" thực hiện "duyet_hanh_dong"
    Thì hồ sơ ở bước "thuc_hien"
    Khi đồng hồ chuyển đến 09:00 ngày 06/04/2026
    Và "vo.hai" thực hiện "gia_han"
      | trường       | giá trị                                             |
      | ly_do        | Chờ nhà cung cấp nâng cấp phần mềm một cửa           |
      | ngay_hen_moi | 2026-04-21T17:00                                    |
    Thì hạn trả kết quả là 17:00 ngày 21/04/2026
    Khi đồng hồ chuyển đến 08:00 ngày 22/04/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "tran.lan" thực hiện "bao_cao_thuc_hien"
      | trường            | giá trị                              |
      | ket_qua_thuc_hien | Phần mềm đã bật cảnh báo từ 21/04    |
    Và 2 giờ làm việc trôi qua
    Và "tran.kiem" thực hiện "ket_luan_hieu_luc"
      | trường            | giá trị                           |
      | hieu_qua          | có                                |
      | nhan_xet_hieu_luc | Cảnh báo hoạt động đúng           |
    Và 2 giờ làm việc trôi qua
    Và "vo.hai" thực hiện "dong"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "quá hạn"
    Và bước "thuc_hien" hoàn thành "quá hạn"

  Kịch bản: QT-ISO-03 sự không phù hợp ghi nhận ngày 13/02/2026, thời hạn không tính kỳ nghỉ Tết
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 13/02/2026 qua kênh "trực tiếp"
      | trường          | giá trị                                  |
      | nguon           | Đánh giá nội bộ                          |
      | mo_ta           | Sổ theo dõi hồ sơ năm 2025 chưa khóa sổ  |
      | phong_lien_quan | Văn phòng Sở                             |
    Thì hạn trả kết quả là 08:00 ngày 03/04/2026
    Và hạn của bước hiện tại là 08:00 ngày 23/02/2026

  Kịch bản: QT-ISO-03 người kiểm tra hiệu lực không được tự đóng, trưởng phòng không được đóng
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 02/03/2026 qua kênh "trực tiếp"
      | trường          | giá trị                             |
      | nguon           | Đánh giá nội bộ                     |
      | mo_ta           | Biểu mẫu lỗi thời còn dùng tại quầy |
      | phong_lien_quan | Văn phòng Sở                        |
    Và "nguyen.huong" thực hiện "chuyen_xu_ly"
    Và "tran.lan" thực hiện "da_xu_ly"
      | trường          | giá trị                     |
      | bien_phap_xu_ly | Thu hồi biểu mẫu lỗi thời   |
    Và "tran.lan" thực hiện "de_xuat_hanh_dong"
      | trường              | giá trị                                    |
      | nguyen_nhan         | Chưa có sổ phân phối, thu hồi tài liệu     |
      | hanh_dong_khac_phuc | Lập sổ phân phối, thu hồi theo QT-ISO-01   |
      | han_hoan_thanh      | 2026-03-13                                 |
    Và "vo.hai" thực hiện "duyet_hanh_dong"
    Và "tran.lan" thực hiện "bao_cao_thuc_hien"
      | trường            | giá trị            |
      | ket_qua_thuc_hien | Đã lập sổ phân phối |
    Và "tran.kiem" thực hiện "ket_luan_hieu_luc"
      | trường            | giá trị                               |
      | hieu_qua          | có                                    |
      | nhan_xet_hieu_luc | Không còn biểu mẫu lỗi thời tại quầy  |
    Và "tran.lan" thử thực hiện "dong"
    Thì thao tác bị từ chối vì "vai trò"
    Biết "tran.kiem" giữ vai trò "dai-dien-lanh-dao"
    Khi "tran.kiem" thử thực hiện "dong"
    Thì thao tác bị từ chối vì "tự phê duyệt"
    Khi "vo.hai" thực hiện "dong"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
