# language: vi
Tính năng: QT-CT-01 Chứng thực bản sao từ bản chính tại UBND xã
  Thủ tục giải quyết trong ngày (Nghị định 23/2015/NĐ-CP, Điều 7): tiếp nhận sau 15 giờ thì
  trả kết quả trong ngày làm việc tiếp theo. Nhiều giấy tờ, nhiều trang, nhiều bản sao thì thời
  hạn được kéo dài không quá 02 ngày làm việc theo thỏa thuận bằng văn bản (Điều 21), hẹn lại
  một lần, chậm nhất 01 ngày làm việc trước hạn (Nghị định 61/2018/NĐ-CP, Điều 19 khoản 9).

  Bối cảnh:
    Biết quy trình "QT-CT-01" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "tran.binh" giữ vai trò "cong-chuc-tu-phap"
    Và "pham.chi" giữ vai trò "nguoi-ky-chung-thuc"
    Và "vo.dung" giữ vai trò "van-thu"
    Và người nộp hồ sơ là "Trần Thị Bình"

  Kịch bản: QT-CT-01 chứng thực trong ngày, đúng thứ tự các bước
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 05/03/2026
    Khi "le.an" thực hiện "nhan_ho_so"
      | trường           | giá trị |
      | ban_chinh_hop_le | có      |
      | ban_sao_dung     | có      |
      | so_trang         | 3       |
      | so_ban           | 2       |
    Thì hồ sơ ở bước "lap_loi_chung"
    Và trường "phi" là "10000"
    Và phiếu "giay-tiep-nhan" có nội dung "Trần Thị Bình"
    Và hạn của bước hiện tại là 11:00 ngày 05/03/2026
    Khi 2 giờ làm việc trôi qua
    Và "tran.binh" thực hiện "trinh_ky"
      | trường         | giá trị           |
      | du_dieu_kien   | có                |
      | so_chung_thuc  | 15/2026/SCT/BS    |
    Thì bước "lap_loi_chung" hoàn thành "sớm hạn"
    Khi 1 giờ làm việc trôi qua
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "chuyen_tra"
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-CT-01 trả kết quả đúng 17 giờ là đúng hạn
    Khi hồ sơ được tiếp nhận lúc 13:30 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "nhan_ho_so"
      | trường           | giá trị |
      | ban_chinh_hop_le | có      |
      | ban_sao_dung     | có      |
      | so_trang         | 1       |
      | so_ban           | 1       |
    Thì trường "phi" là "2000"
    Khi "tran.binh" thực hiện "trinh_ky"
      | trường         | giá trị           |
      | du_dieu_kien   | có                |
      | so_chung_thuc  | 16/2026/SCT/BS    |
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "chuyen_tra"
    Và đồng hồ chuyển đến 17:00 ngày 05/03/2026
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "đúng hạn"

  Kịch bản: QT-CT-01 thiếu bản chính, người yêu cầu bổ sung hôm sau thì thời hạn tính lại từ đầu
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 05/03/2026
    Khi "le.an" thực hiện "yeu_cau_bo_sung"
      | trường           | giá trị                                                                      |
      | noi_dung_bo_sung | Bản chính Bằng tốt nghiệp trung học phổ thông để đối chiếu với bản sao đã nộp |
    Thì hồ sơ ở bước "cho_bo_sung"
    Và phiếu "phieu-bo-sung" được cấp
    Và phiếu "phieu-bo-sung" có nội dung "Bản chính Bằng tốt nghiệp trung học phổ thông"
    Và phiếu "phieu-bo-sung" có nội dung "Trần Thị Bình"
    Khi đồng hồ chuyển đến 09:00 ngày 06/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hồ sơ ở bước "tiep_nhan"
    Và hạn trả kết quả là 17:00 ngày 06/03/2026
    Khi "le.an" thực hiện "nhan_ho_so"
      | trường           | giá trị |
      | ban_chinh_hop_le | có      |
      | ban_sao_dung     | có      |
      | so_trang         | 1       |
      | so_ban           | 3       |
    Thì trường "phi" là "6000"
    Khi "tran.binh" thực hiện "trinh_ky"
      | trường         | giá trị           |
      | du_dieu_kien   | có                |
      | so_chung_thuc  | 21/2026/SCT/BS    |
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "chuyen_tra"
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-CT-01 bổ sung sau 15 giờ thì thời hạn tính lại từ ngày làm việc tiếp theo
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 06/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "yeu_cau_bo_sung"
      | trường           | giá trị                                                       |
      | noi_dung_bo_sung | Bản sao Giấy khai sinh cần chứng thực (02 bản) kèm bản chính |
    Khi đồng hồ chuyển đến 15:40 ngày 06/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hạn trả kết quả là 17:00 ngày 09/03/2026

  Kịch bản: QT-CT-01 người yêu cầu không bổ sung và rút yêu cầu
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "yeu_cau_bo_sung"
      | trường           | giá trị                                        |
      | noi_dung_bo_sung | Bản chính Giấy chứng nhận quyền sử dụng đất |
    Và "le.an" thực hiện "rut_yeu_cau"
      | trường | giá trị                                   |
      | ly_do  | Người yêu cầu không còn giữ bản chính |
    Thì hồ sơ kết thúc với kết quả "rút hồ sơ"

  Kịch bản: QT-CT-01 bản chính bị tẩy xóa, từ chối tiếp nhận tại quầy
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "tu_choi"
      | trường | giá trị                                                                                 |
      | ly_do  | Bản chính bị tẩy xóa, sửa chữa, không xác định được nội dung (Điều 22 Nghị định 23/2015/NĐ-CP) |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" được cấp
    Và phiếu "phieu-tu-choi" có nội dung "Bản chính bị tẩy xóa, sửa chữa"
    Và phiếu "phieu-tu-choi" có nội dung "Trần Thị Bình"

  Kịch bản: QT-CT-01 phát hiện giấy tờ thuộc trường hợp không được chứng thực, người ký từ chối
    Khi hồ sơ được tiếp nhận lúc 08:30 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "nhan_ho_so"
      | trường           | giá trị |
      | ban_chinh_hop_le | có      |
      | ban_sao_dung     | có      |
      | so_trang         | 2       |
      | so_ban           | 1       |
    Và "tran.binh" thực hiện "trinh_tu_choi"
      | trường       | giá trị                                                                   |
      | du_dieu_kien | không                                                                     |
      | ly_do        | Giấy tờ do cơ quan nước ngoài cấp chưa được hợp pháp hóa lãnh sự |
    Thì hồ sơ ở bước "ky_chung_thuc"
    Khi "pham.chi" thực hiện "ky_tu_choi"
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" có nội dung "chưa được hợp pháp hóa lãnh sự"

  Kịch bản: QT-CT-01 nhiều bản sao không kịp trong ngày, thỏa thuận gia hạn rồi trả kết quả
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 05/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 06/03/2026
    Khi "le.an" thực hiện "nhan_ho_so"
      | trường           | giá trị |
      | ban_chinh_hop_le | có      |
      | ban_sao_dung     | có      |
      | so_trang         | 40      |
      | so_ban           | 30      |
    Thì trường "phi" là "1260000"
    Khi đồng hồ chuyển đến 16:00 ngày 05/03/2026
    Và "pham.chi" thực hiện "xin_loi"
      | trường       | giá trị                                                                    |
      | ly_do        | Yêu cầu chứng thực 30 bản sao, mỗi bản 40 trang, không thể đối chiếu xong trong ngày |
      | ngay_hen_moi | 17:00 ngày 10/03/2026                                                      |
    Thì phiếu "phieu-xin-loi" được cấp
    Và phiếu "phieu-xin-loi" có nội dung "không thể đối chiếu xong trong ngày"
    Và phiếu "phieu-xin-loi" có nội dung "Trần Thị Bình"
    Và hạn trả kết quả là 17:00 ngày 10/03/2026
    Và trường "da_gia_han" là "có"
    Khi đồng hồ chuyển đến 08:30 ngày 09/03/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "pham.chi" thử thực hiện "xin_loi"
      | trường       | giá trị                |
      | ly_do        | Chưa đóng dấu giáp lai xong |
      | ngay_hen_moi | 17:00 ngày 11/03/2026  |
    Thì thao tác bị từ chối vì "điều kiện"
    Khi "tran.binh" thực hiện "trinh_ky"
      | trường         | giá trị           |
      | du_dieu_kien   | có                |
      | so_chung_thuc  | 30/2026/SCT/BS    |
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "chuyen_tra"
    Và đồng hồ chuyển đến 16:00 ngày 10/03/2026
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-CT-01 thỏa thuận gia hạn khi còn dưới một ngày làm việc thì bị từ chối
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "nhan_ho_so"
      | trường           | giá trị |
      | ban_chinh_hop_le | có      |
      | ban_sao_dung     | có      |
      | so_trang         | 12      |
      | so_ban           | 10      |
    Và "pham.chi" thử thực hiện "xin_loi"
      | trường       | giá trị               |
      | ly_do        | Nhiều bản sao         |
      | ngay_hen_moi | 17:00 ngày 09/03/2026 |
    Thì thao tác bị từ chối vì "gia hạn muộn"
    Và hạn trả kết quả là 17:00 ngày 05/03/2026

  Kịch bản: QT-CT-01 tiếp nhận sau 15 giờ ngày trước Tết thì trả kết quả sau kỳ nghỉ
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 23/02/2026

  Kịch bản: QT-CT-01 tiếp nhận trước 15 giờ ngày trước Tết thì trả ngay trong ngày
    Khi hồ sơ được tiếp nhận lúc 14:30 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 13/02/2026

  Kịch bản: QT-CT-01 tiếp nhận sau 15 giờ thứ Sáu trước ngày thứ Bảy làm bù
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 09/01/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 10/01/2026

  Kịch bản: QT-CT-01 tiếp nhận đúng 15 giờ vẫn trả trong ngày
    Khi hồ sơ được tiếp nhận lúc 15:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 05/03/2026

  Kịch bản: QT-CT-01 tiếp nhận lúc 15 giờ 01 trả kết quả ngày làm việc tiếp theo
    Khi hồ sơ được tiếp nhận lúc 15:01 ngày 05/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 06/03/2026

  Kịch bản: QT-CT-01 người ký không được ký khi chưa trình
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "pham.chi" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "sai bước"

  Kịch bản: QT-CT-01 văn thư không được ký chứng thực
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "nhan_ho_so"
      | trường           | giá trị |
      | ban_chinh_hop_le | có      |
      | ban_sao_dung     | có      |
      | so_trang         | 1       |
      | so_ban           | 1       |
    Và "tran.binh" thực hiện "trinh_ky"
      | trường         | giá trị           |
      | du_dieu_kien   | có                |
      | so_chung_thuc  | 17/2026/SCT/BS    |
    Và "vo.dung" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "vai trò"
    Và hồ sơ ở bước "ky_chung_thuc"

  Kịch bản: QT-CT-01 người ghi lời chứng không được tự ký chứng thực
    Biết "pham.chi" giữ vai trò "cong-chuc-tu-phap"
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "nhan_ho_so"
      | trường           | giá trị |
      | ban_chinh_hop_le | có      |
      | ban_sao_dung     | có      |
      | so_trang         | 1       |
      | so_ban           | 1       |
    Và "pham.chi" thực hiện "trinh_ky"
      | trường         | giá trị           |
      | du_dieu_kien   | có                |
      | so_chung_thuc  | 18/2026/SCT/BS    |
    Và "pham.chi" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "tự phê duyệt"
