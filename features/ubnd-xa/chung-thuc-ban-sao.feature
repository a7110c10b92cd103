# language: vi
Tính năng: QT-CT-01 Chứng thực bản sao từ bản chính tại UBND xã
  Thủ tục giải quyết trong ngày (Nghị định 23/2015/NĐ-CP, Điều 7): tiếp nhận sau 15 giờ thì
  trả kết quả trong ngày làm việc tiếp theo.

  Bối cảnh:
    Biết quy trình "QT-CT-01" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "tran.binh" giữ vai trò "cong-chuc-tu-phap"
    Và "pham.chi" giữ vai trò "nguoi-ky-chung-thuc"
    Và "vo.dung" giữ vai trò "van-thu"
    Và người nộp hồ sơ là "Trần Thị Bình"

  Kịch bản: Chứng thực trong ngày, đúng thứ tự các bước
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
    Khi 2 giờ làm việc trôi qua
    Và "tran.binh" thực hiện "trinh_ky"
      | trường         | giá trị           |
      | du_dieu_kien   | có                |
      | so_chung_thuc  | 15/2026/SCT/BS    |
    Và 1 giờ làm việc trôi qua
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "chuyen_tra"
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: Tiếp nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 23/02/2026

  Kịch bản: Người ký không được ký khi chưa trình
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "pham.chi" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "sai bước"
