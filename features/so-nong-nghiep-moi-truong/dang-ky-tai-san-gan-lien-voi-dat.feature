# language: vi
Tính năng: QT-DD-02 Đăng ký, cấp Giấy chứng nhận lần đầu cho tài sản khi chủ sở hữu không đồng thời là người sử dụng đất
  Thời hạn 10 ngày làm việc, không kể thời gian thực hiện nghĩa vụ tài chính: bước chờ thuế
  (cho_thue, clock="pause") tạm dừng đồng hồ và tính tiếp, không tính lại từ đầu.

  Bối cảnh:
    Biết quy trình "QT-DD-02" đang có hiệu lực
    Và "le.an" giữ vai trò "cong-chuc-mot-cua"
    Và "truong.phuong" giữ vai trò "chuyen-vien"
    Và "ly.cuong" giữ vai trò "lanh-dao"
    Và "bui.son" giữ vai trò "giam-doc-vpdk"
    Và "vo.dung" giữ vai trò "van-thu"
    Và người nộp hồ sơ là "Công ty TNHH Thương mại Hòa Bình"

  Kịch bản: QT-DD-02 chờ nghĩa vụ tài chính không tính vào thời hạn, cấp Giấy chứng nhận sớm hạn
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 08:00 ngày 18/03/2026
    Khi "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Thì phiếu "giay-tiep-nhan" có nội dung "Công ty TNHH Thương mại Hòa Bình"
    Khi "le.an" thực hiện "ban_giao"
    Và 1 ngày làm việc trôi qua
    Và "truong.phuong" thực hiện "trinh"
      | trường                | giá trị    |
      | du_dieu_kien          | có         |
      | loai_tai_san          | cong_trinh |
      | co_van_ban_chap_thuan | có         |
    Và 4 giờ làm việc trôi qua
    Và "ly.cuong" thực hiện "ky"
    Thì hồ sơ ở bước "gui_thue"
    Khi "truong.phuong" thực hiện "chuyen_thue"
      | trường               | giá trị       |
      | so_phieu_chuyen_thue | 215/PCTT-CNVP |
    Thì hồ sơ ở bước "cho_thue"
    Và trường "so_phieu_chuyen_thue" là "215/PCTT-CNVP"
    Và hạn trả kết quả là 08:00 ngày 18/03/2026
    Khi đồng hồ chuyển đến 12:00 ngày 10/03/2026
    Và "le.an" thực hiện "hoan_thanh_nvtc"
      | trường      | giá trị |
      | da_nop_nvtc | có      |
    Thì hồ sơ ở bước "nhan_chung_tu"
    Và hạn trả kết quả là 17:00 ngày 20/03/2026
    Khi "le.an" thực hiện "chuyen_chung_tu"
    Và 1 ngày làm việc trôi qua
    Và "truong.phuong" thực hiện "trinh_gcn"
      | trường           | giá trị  |
      | so_phat_hanh_gcn | DA 123456 |
    Và "ly.cuong" thực hiện "kiem_tra_ky"
    Và "bui.son" thực hiện "ky_gcn"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị        |
      | so_ky_hieu | CS 04512/2026  |
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "sớm hạn"

  Kịch bản: QT-DD-02 thiếu văn bản chấp thuận của người sử dụng đất, bổ sung xong tính lại từ đầu
    Khi hồ sơ được tiếp nhận lúc 09:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường           | giá trị                                                                          |
      | ho_so_day_du     | không                                                                            |
      | noi_dung_bo_sung | Văn bản chấp thuận của người sử dụng đất đồng ý cho xây dựng công trình, có công chứng |
    Thì hồ sơ ở bước "cho_bo_sung"
    Và phiếu "phieu-bo-sung" có nội dung "Văn bản chấp thuận của người sử dụng đất"
    Khi đồng hồ chuyển đến 10:00 ngày 09/03/2026
    Và "le.an" thực hiện "nop_bo_sung"
    Thì hồ sơ ở bước "tiep_nhan"
    Và hạn trả kết quả là 10:00 ngày 23/03/2026

  Kịch bản: QT-DD-02 công trình xây dựng không phép, từ chối sau thẩm định
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "truong.phuong" thực hiện "trinh"
      | trường                | giá trị    |
      | du_dieu_kien          | không      |
      | loai_tai_san          | cong_trinh |
      | co_van_ban_chap_thuan | có         |
    Và "ly.cuong" thực hiện "ky_tu_choi"
      | trường | giá trị                                                                   |
      | ly_do  | Công trình xây dựng không có giấy phép xây dựng, thuộc trường hợp phải cấp phép |
    Thì hồ sơ kết thúc với kết quả "từ chối"
    Và phiếu "phieu-tu-choi" có nội dung "không có giấy phép xây dựng"

  Kịch bản: QT-DD-02 chờ đo đạc lại hiện trạng, xin lỗi và hẹn lại
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và đồng hồ chuyển đến 09:00 ngày 12/03/2026
    Thì danh sách quá hạn có hồ sơ này
    Khi "ly.cuong" thực hiện "xin_loi"
      | trường       | giá trị                                                  |
      | ly_do        | Phải đo đạc lại hiện trạng công trình do sơ đồ không khớp thực địa |
      | ngay_hen_moi | 2026-03-25T17:00                                         |
    Thì phiếu "phieu-xin-loi" có nội dung "đo đạc lại hiện trạng"
    Và hạn trả kết quả là 17:00 ngày 25/03/2026
    Khi "truong.phuong" thực hiện "trinh"
      | trường                | giá trị |
      | du_dieu_kien          | có      |
      | loai_tai_san          | nha_o   |
      | co_van_ban_chap_thuan | có      |
    Thì bước "tham_dinh" hoàn thành "quá hạn"
    Khi "ly.cuong" thực hiện "ky"
    Và "truong.phuong" thực hiện "chuyen_thue"
      | trường               | giá trị       |
      | so_phieu_chuyen_thue | 230/PCTT-CNVP |
    Và "le.an" thực hiện "hoan_thanh_nvtc"
      | trường      | giá trị |
      | da_nop_nvtc | có      |
    Và "le.an" thực hiện "chuyen_chung_tu"
    Và "truong.phuong" thực hiện "trinh_gcn"
      | trường           | giá trị   |
      | so_phat_hanh_gcn | DA 123999 |
    Và "ly.cuong" thực hiện "kiem_tra_ky"
    Và "bui.son" thực hiện "ky_gcn"
    Và "vo.dung" thực hiện "phat_hanh"
      | trường     | giá trị       |
      | so_ky_hieu | CS 04600/2026 |
    Và đồng hồ chuyển đến 17:00 ngày 25/03/2026
    Và "le.an" thực hiện "tra"
    Thì hồ sơ kết thúc với kết quả "đã giải quyết"
    Và hồ sơ được giải quyết "đúng hạn"

  Kịch bản: QT-DD-02 hồ sơ nộp thứ Sáu trước Tết, thời hạn tính tiếp sau kỳ nghỉ
    Khi hồ sơ được tiếp nhận lúc 10:00 ngày 13/02/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 10:00 ngày 06/03/2026

  # Không có mốc 15 giờ riêng: 15:30 thứ Tư 04/03 + 10 ngày làm việc = 15:30 thứ Tư 18/03.
  Kịch bản: QT-DD-02 hồ sơ nộp sau 15 giờ vẫn tính thời hạn từ lúc tiếp nhận
    Khi hồ sơ được tiếp nhận lúc 15:30 ngày 04/03/2026 qua kênh "trực tiếp"
    Thì hạn trả kết quả là 15:30 ngày 18/03/2026

  Kịch bản: QT-DD-02 lãnh đạo Chi nhánh không được ký Giấy chứng nhận thay lãnh đạo Văn phòng đăng ký
    Khi hồ sơ được tiếp nhận lúc 08:00 ngày 04/03/2026 qua kênh "trực tiếp"
    Và "le.an" thực hiện "kiem_tra"
      | trường         | giá trị   |
      | ho_so_day_du   | có        |
      | hinh_thuc_nhan | truc_tiep |
    Và "le.an" thực hiện "ban_giao"
    Và "truong.phuong" thực hiện "trinh"
      | trường                | giá trị    |
      | du_dieu_kien          | có         |
      | loai_tai_san          | cong_trinh |
      | co_van_ban_chap_thuan | có         |
    Và "ly.cuong" thực hiện "ky"
    Và "truong.phuong" thực hiện "chuyen_thue"
      | trường               | giá trị       |
      | so_phieu_chuyen_thue | 240/PCTT-CNVP |
    Và "le.an" thực hiện "hoan_thanh_nvtc"
      | trường      | giá trị |
      | da_nop_nvtc | có      |
    Và "le.an" thực hiện "chuyen_chung_tu"
    Và "truong.phuong" thực hiện "trinh_gcn"
      | trường           | giá trị   |
      | so_phat_hanh_gcn | DA 124000 |
    Và "ly.cuong" thực hiện "kiem_tra_ky"
    Và "ly.cuong" thử thực hiện "ky_gcn"
    Thì thao tác bị từ chối vì "vai trò"
    Và hồ sơ ở bước "ky_gcn"
