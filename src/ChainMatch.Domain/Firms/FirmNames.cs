using System.Text;

namespace ChainMatch.Domain.Firms;

/// <summary>
/// Firm names reduced to what identifies them: full-width forms folded (NFKC), case, spaces and punctuation
/// (Chinese and Latin) dropped, and a trailing legal form (股份有限公司, 有限公司, Co., Ltd. …) removed, so that
/// "宁德时代新能源科技股份有限公司" and "宁德时代新能源科技 股份有限公司（筹）" compare by their distinctive part.
/// 集团 / Group is kept: a group and its listed company are different firms.
/// </summary>
public static class FirmNames
{
    static readonly string[] LegalForms =
    [
        "股份有限公司", "有限责任公司", "有限公司", "股份公司", "公司",
        "companylimited", "coltd", "limited", "ltd", "incorporated", "inc", "corporation", "corp", "company", "plc",
    ];

    public static string Normalize(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            var narrow = Narrow(ch);
            if (char.IsLetterOrDigit(narrow)) sb.Append(char.ToLowerInvariant(narrow));
        }
        var key = sb.ToString();
        // Drop "(筹)" style notes after folding: 筹 marks a company in formation and is not part of the name.
        if (key.EndsWith('筹')) key = key[..^1];
        foreach (var form in LegalForms)
            if (key.Length > form.Length && key.EndsWith(form, StringComparison.Ordinal))
                return key[..^form.Length];
        return key;
    }

    // Full-width ASCII (U+FF01–FF5E) folded by hand as well as by NFKC: a process in .NET's invariant globalization
    // mode (no ICU, as in slim containers) normalises only ASCII, and "ＣＡＴＬ" must still match "CATL" there.
    static char Narrow(char ch) => ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch;
}
