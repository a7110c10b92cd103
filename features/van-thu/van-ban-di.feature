# language: vi
Tính năng: QT-VT-02 Soạn thảo, ký ban hành và quản lý văn bản đi
  Công văn của xã được soạn thảo, kiểm tra, ký số bởi người có thẩm quyền rồi ký số của cơ quan,
  cấp số, vào sổ và phát hành qua trục liên thông (edXML) đến Sở; Sở tiếp nhận, vào sổ, giải
  quyết và gửi trạng thái về; văn bản phát hành nhầm được thu hồi (Nghị định 30/2020/NĐ-CP,
  Điều 10 đến 19; Phụ lục I; QCVN 102:2016).

  Bối cảnh:
    Biết quy trình "QT-VT-02" đang có hiệu lực
    Và "xã Tân Phú" và "Sở Tư pháp" trao đổi văn bản điện tử qua trục liên thông

  Kịch bản: Công văn hai chữ ký số được cấp số, phát hành, Sở giải quyết và báo trạng thái về
    Khi lúc 08:00 ngày 07/12/2026 "xã Tân Phú" soạn công văn gửi "Sở Tư pháp" về "báo cáo kết quả công bố thủ tục hành chính năm 2026"
    Và lúc 09:00 ngày 07/12/2026 "xã Tân Phú" trình ký sau khi kiểm tra
    Và lúc 10:00 ngày 07/12/2026 người có thẩm quyền của "xã Tân Phú" ký số
    Và lúc 14:00 ngày 07/12/2026 văn thư "xã Tân Phú" cấp số, ký số của cơ quan và vào sổ văn bản đi
    Thì văn bản của "xã Tân Phú" có số, ký hiệu "01/UBND-VP"
    Và tệp văn bản của "xã Tân Phú" có chữ ký số hợp lệ của người ký rồi của cơ quan
    Khi lúc 14:10 ngày 07/12/2026 văn thư "xã Tân Phú" phát hành văn bản qua trục liên thông
    Thì văn bản của "xã Tân Phú" ở bước "theo_doi"
    Khi lúc 15:00 ngày 07/12/2026 văn thư "Sở Tư pháp" nhận các gói tin đã đến
    Thì "Sở Tư pháp" nhận được văn bản "01/UBND-VP" của "xã Tân Phú" kèm tệp đã ký
    Khi lúc 15:30 ngày 07/12/2026 văn thư "Sở Tư pháp" vào sổ văn bản đến
    Và lúc 09:00 ngày 08/12/2026 lãnh đạo "Sở Tư pháp" giao "Phòng Hành chính tư pháp" chủ trì, "Văn phòng Sở" phối hợp, hạn giải quyết 15/12/2026
    Và lúc 10:00 ngày 09/12/2026 "Sở Tư pháp" hoàn thành với văn bản trả lời số "120/STP-HCTP"
    Và lúc 11:00 ngày 09/12/2026 văn thư "xã Tân Phú" nhận các gói tin đã đến
    Thì "xã Tân Phú" thấy văn bản của mình tại "Sở Tư pháp" lần lượt có trạng thái "sent, 01, 03, 04, 06"
    Và sổ "di" của "xã Tân Phú" từ 01/12/2026 đến 31/12/2026 có dòng "01/UBND-VP,07/12/2026,V/v báo cáo kết quả công bố thủ tục hành chính năm 2026,Nguyễn Văn Ánh,Sở Tư pháp tỉnh Ninh Bình; Như trên,"VT, VP",2,07/12/2026,,"
    Và kiểm tra toàn vẹn của "xã Tân Phú" không phát hiện thay đổi
    Và kiểm tra toàn vẹn của "Sở Tư pháp" không phát hiện thay đổi

  Kịch bản: Văn bản phát hành nhầm được thu hồi: bản của Sở rời khỏi danh sách xử lý
    Khi lúc 08:00 ngày 07/12/2026 "xã Tân Phú" soạn công văn gửi "Sở Tư pháp" về "đề nghị cung cấp số liệu hộ tịch"
    Và lúc 09:00 ngày 07/12/2026 "xã Tân Phú" trình ký sau khi kiểm tra
    Và lúc 10:00 ngày 07/12/2026 người có thẩm quyền của "xã Tân Phú" ký số
    Và lúc 14:00 ngày 07/12/2026 văn thư "xã Tân Phú" cấp số, ký số của cơ quan và vào sổ văn bản đi
    Và lúc 14:10 ngày 07/12/2026 văn thư "xã Tân Phú" phát hành văn bản qua trục liên thông
    Và lúc 15:00 ngày 07/12/2026 văn thư "Sở Tư pháp" nhận các gói tin đã đến
    Và lúc 15:30 ngày 07/12/2026 văn thư "Sở Tư pháp" vào sổ văn bản đến
    Và lúc 08:00 ngày 08/12/2026 văn thư "xã Tân Phú" thu hồi văn bản vì "Ban hành nhầm số liệu"
    Thì văn bản của "xã Tân Phú" đã kết thúc với kết quả "withdrawn"
    Khi lúc 09:00 ngày 08/12/2026 văn thư "Sở Tư pháp" nhận các gói tin đã đến
    Thì văn bản của "Sở Tư pháp" ở bước "thu_hoi"
    Và ngày 09/12/2026 văn bản của "Sở Tư pháp" không còn trong sổ theo dõi
    Khi lúc 10:00 ngày 08/12/2026 văn thư "xã Tân Phú" nhận các gói tin đã đến
    Thì "xã Tân Phú" thấy văn bản của mình tại "Sở Tư pháp" lần lượt có trạng thái "sent, 01, 03, 13, 15"
