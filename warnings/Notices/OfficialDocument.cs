namespace RiskMonitor.Warnings.Notices;

/// <summary>One numbered section of an official document: "一、预警级别" and its paragraphs.</summary>
public sealed record DocumentSection(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>
/// A notice laid out as an official document (党政机关公文格式, GB/T 9704): what every renderer (Markdown, HTML, .docx)
/// shows, in order, so that the wording lives in one place (<see cref="NoticeDocument"/>).
/// </summary>
/// <param name="Banner">The approval warning shown on anything not yet published; null once published.</param>
/// <param name="Authority">The issuing authority's mark at the head (发文机关标志).</param>
/// <param name="Number">The document number (发文字号).</param>
/// <param name="Addressee">The addressee line (主送机关), ending with a colon.</param>
/// <param name="Signature">The issuing authority at the foot (发文机关署名).</param>
/// <param name="Date">The date of issue (成文日期).</param>
public sealed record OfficialDocument(
    string? Banner,
    string Authority,
    string Title,
    string Number,
    string Addressee,
    string Opening,
    IReadOnlyList<DocumentSection> Sections,
    string Signature,
    string Date);
