# language: vi
Tính năng: QT-VT-01 Quản lý văn bản đến
  Văn thư tiếp nhận, vào sổ với số đến theo năm, trình lãnh đạo; lãnh đạo giao đơn vị chủ trì,
  đơn vị phối hợp và thời hạn giải quyết; văn thư theo dõi, đôn đốc đến khi giải quyết xong
  (Nghị định 30/2020/NĐ-CP, Điều 20 đến 24; sổ theo Phụ lục IV).

  Bối cảnh:
    Biết quy trình "QT-VT-01" đang có hiệu lực
    Và "xã Tân Phú" và "Sở Tư pháp" trao đổi văn bản điện tử qua trục liên thông

  Kịch bản: Văn bản đến được vào sổ, phân công, theo dõi hạn và giải quyết xong với văn bản trả lời
    Khi lúc 08:00 ngày 01/12/2026 văn thư "xã Tân Phú" tiếp nhận công văn số "345/STP-HCTP" ngày 30/11/2026 của "Sở Tư pháp tỉnh Ninh Bình" về "đôn đốc báo cáo kết quả công bố thủ tục hành chính"
    Và lúc 09:00 ngày 01/12/2026 văn thư "xã Tân Phú" vào sổ văn bản đến
    Thì văn bản đến của "xã Tân Phú" có số đến 1
    Và văn bản của "xã Tân Phú" ở bước "trinh"
    Khi lúc 10:00 ngày 01/12/2026 lãnh đạo "xã Tân Phú" giao "Văn phòng HĐND và UBND" chủ trì, "Công chức Tư pháp - Hộ tịch" phối hợp, hạn giải quyết 04/12/2026
    Thì văn bản của "xã Tân Phú" ở bước "giai_quyet"
    Và ngày 03/12/2026 "xã Tân Phú" có 0 văn bản quá hạn giải quyết trong sổ theo dõi
    Và ngày 07/12/2026 "xã Tân Phú" có 1 văn bản quá hạn giải quyết trong sổ theo dõi
    Khi lúc 14:00 ngày 07/12/2026 "xã Tân Phú" cập nhật tiến độ "Đang tổng hợp số liệu"
    Và lúc 16:00 ngày 08/12/2026 "xã Tân Phú" hoàn thành với văn bản trả lời số "12/UBND-VP"
    Thì ngày 09/12/2026 văn bản của "xã Tân Phú" không còn trong sổ theo dõi
    Và sổ "den" của "xã Tân Phú" từ 01/12/2026 đến 31/12/2026 có dòng "01/12/2026,1,Sở Tư pháp tỉnh Ninh Bình,345/STP-HCTP,30/11/2026,V/v đôn đốc báo cáo kết quả công bố thủ tục hành chính,Văn phòng HĐND và UBND,01/12/2026,,"
    Và sổ "theo-doi" của "xã Tân Phú" từ 01/12/2026 đến 31/12/2026 có dòng "1,Công văn số 345/STP-HCTP ngày 30/11/2026 của Sở Tư pháp tỉnh Ninh Bình,Văn phòng HĐND và UBND,04/12/2026,Đã giải quyết,12/UBND-VP,"
    Và kiểm tra toàn vẹn của "xã Tân Phú" không phát hiện thay đổi

  Kịch bản: Văn bản đến trùng số, ký hiệu, ngày và cơ quan ban hành bị từ chối
    Khi lúc 08:00 ngày 01/12/2026 văn thư "xã Tân Phú" tiếp nhận công văn số "345/STP-HCTP" ngày 30/11/2026 của "Sở Tư pháp tỉnh Ninh Bình" về "đôn đốc báo cáo"
    Và lúc 08:30 ngày 01/12/2026 văn thư "xã Tân Phú" tiếp nhận công văn số "345/STP-HCTP" ngày 30/11/2026 của "Sở Tư pháp tỉnh Ninh Bình" về "đôn đốc báo cáo"
    Thì việc tiếp nhận bị từ chối vì "văn bản trùng: 345/STP-HCTP ngày 30/11/2026 của Sở Tư pháp tỉnh Ninh Bình đã được tiếp nhận"
