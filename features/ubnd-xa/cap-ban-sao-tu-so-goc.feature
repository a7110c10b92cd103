# language: vi
Tính năng: QT-CT-02 Cấp bản sao từ sổ gốc tại UBND xã
  Thủ tục giải quyết trong ngày (Nghị định 23/2015/NĐ-CP, Điều 7): tiếp nhận sau 15 giờ thì
  trả kết quả trong ngày làm việc tiếp theo. Các bước: tiếp nhận 2 giờ, tra cứu sổ gốc 3 giờ,
  ký 2 giờ, phát hành và trả kết quả 1 giờ.

  Bối cảnh:
    Biết quy trình "QT-CT-02" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "tran.binh" giữ vai trò "chuyen-vien"
    Và "pham.chi" giữ vai trò "lanh-dao"
    Và "vo.dung" giữ vai trò "van-thu"
    Và người nộp hồ sơ là "Hoàng Văn Hùng"

  Kịch bản: QT-CT-02 cấp bản sao trong ngày, sớm hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 05/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường               | giá trị   |
      | ho_so_day_du         | có        |
      | nguoi_yeu_cau_hop_le | có        |
      | so_ban_sao           | 2         |
      | hinh_thuc_nhan       | truc_tiep |
    Thì hồ sơ ở bước "chuyen"
    Và phiếu "giay-tiep-nhan" có nội dung "Hoàng Văn Hùng"
    Và phiếu "phieu-kiem-soat" được cấp
    Khi "le.an" thực hiện "ban_giao"
    Thì hồ sơ ở bước "tham_dinh"
    Và hạn của bước hiện tại là 11:00 ngày 05/03/2026
    Khi 2 giờ làm việc trôi qua
    Và "tran.binh" thực hiện "trinh"
      | trường         | giá trị |
      | du_dieu_kien   | có      |
      | so_goc_con_luu | có      |
    Thì bước "tham_dinh" hoàn thành "sớm hạn"
    Khi 1 giờ làm việc trôi qua
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị          |
      | so_ky_hieu | 12/2026/SBS-SG   |
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-CT-02 thiếu giấy tờ chứng minh quan hệ, bổ sung rồi tính lại thời hạn
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường           | giá trị                                                  |
      | ho_so_day_du     | không                                                    |
      | noi_dung_bo_sung | Giấy khai sinh của người yêu cầu để chứng minh quan hệ mẹ con |
    Thì hồ sơ ở bước "cho_bo_sung"
    Và phiếu "phieu-bo-sung" có nội dung "Giấy khai sinh của người yêu cầu để chứng minh quan hệ mẹ con"
    Khi đồng hồ chuyển đến 15:30 ngày 06/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hồ sơ ở bước "tiep_nhan"
    Và hạn trả kết quả là 17:00 ngày 09/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường               | giá trị   |
      | ho_so_day_du         | có        |
      | nguoi_yeu_cau_hop_le | có        |
      | so_ban_sao           | 1         |
      | hinh_thuc_nhan       | truc_tiep |
    Thì hồ sơ ở bước "chuyen"

  Kịch bản: QT-CT-02 từ chối tiếp nhận vì người yêu cầu không có quyền yêu cầu
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "tu_choi"
      | trường | giá trị                                                                      |
      | ly_do  | Người yêu cầu không phải người được cấp bản chính hoặc người thân theo quy định |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" có nội dung "không phải người được cấp bản chính"

  Kịch bản: QT-CT-02 sổ gốc phải tra cứu trong kho lưu trữ, xin lỗi và hẹn lại
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 05/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 06/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường               | giá trị   |
      | ho_so_day_du         | có        |
      | nguoi_yeu_cau_hop_le | có        |
      | so_ban_sao           | 1         |
      | hinh_thuc_nhan       | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 16:30 ngày 05/03/2026
    Và "pham.chi" thực hiện "xin_loi"
      | trường      | giá trị                                                             |
      | ly_do       | Sổ gốc năm 1998 của xã cũ đang lưu tại kho lưu trữ, cần thêm thời gian tra cứu |
      | ngay_hen_moi | 2026-03-09T17:00 |
    Thì phiếu "phieu-xin-loi" có nội dung "kho lưu trữ"
    Và trường "da_gia_han" là "có"
    Và hạn trả kết quả là 17:00 ngày 09/03/2026
    Khi đồng hồ chuyển đến 14:00 ngày 06/03/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi đồng hồ chuyển đến 10:00 ngày 09/03/2026
    Và "tran.binh" thực hiện "trinh"
      | trường         | giá trị |
      | du_dieu_kien   | có      |
      | so_goc_con_luu | có      |
    Và "pham.chi" thực hiện "ky"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị        |
      | so_ky_hieu | 13/2026/SBS-SG |
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-CT-02 tiếp nhận sau 15 giờ ngày trước Tết trả kết quả sau kỳ nghỉ Tết
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 23/02/2026

  Kịch bản: QT-CT-02 tiếp nhận sau 15 giờ thứ Sáu trả kết quả vào thứ Bảy làm bù
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 09/01/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 10/01/2026

  Kịch bản: QT-CT-02 tiếp nhận trước 15 giờ trả trong ngày, sau 15 giờ trả ngày làm việc tiếp theo
    Khi hồ sơ được tiếp nhận lúc 14:59 ngày 05/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 05/03/2026

  Kịch bản: QT-CT-02 tiếp nhận lúc 15 giờ 01 phút tính từ ngày làm việc tiếp theo
    Khi hồ sơ được tiếp nhận lúc 15:01 ngày 05/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 17:00 ngày 06/03/2026

  Kịch bản: QT-CT-02 công chức tư pháp không được ký bản sao
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 05/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường               | giá trị   |
      | ho_so_day_du         | có        |
      | nguoi_yeu_cau_hop_le | có        |
      | so_ban_sao           | 1         |
      | hinh_thuc_nhan       | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "tran.binh" thực hiện "trinh"
      | trường         | giá trị |
      | du_dieu_kien   | có      |
      | so_goc_con_luu | có      |
    Và "tran.binh" thử thực hiện "ky"
    Thì thao tác bị từ chối vì "vai trò"
    Và hồ sơ ở bước "ky_duyet"
