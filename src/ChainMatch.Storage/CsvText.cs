using System.Text;
using ChainMatch.Storage.Lists;

namespace ChainMatch.Storage;

/// <summary>
/// Text of an uploaded CSV. A UTF-8 byte-order mark means UTF-8; otherwise strict UTF-8, then GB18030 (what Excel
/// writes on a Chinese Windows) only if the bytes decode as GB18030 without a single invalid sequence. A file that is
/// neither is refused, naming the first line UTF-8 cannot read, rather than imported with garbled names.
/// </summary>
public static class CsvText
{
    static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="ListImportException">The bytes are neither UTF-8 nor GB18030.</exception>
    public static string Decode(byte[] content)
    {
        var bom = content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (TryDecode(Utf8, content, bom, out var text, out var badByte)) return text;
        if (bom == 0 && TryDecode(Gb18030, content, 0, out text, out _)) return text;
        var line = 1 + content.AsSpan(0, Math.Clamp(badByte, 0, content.Length)).Count((byte)'\n');
        throw new ListImportException([new RowError(line, null,
            bom > 0 ? "not UTF-8 although the file starts with a UTF-8 byte-order mark" : "neither UTF-8 nor GB18030: save the file as UTF-8 (CSV UTF-8 in Excel)")]);
    }

    static readonly Encoding Gb18030 = StrictGb18030();

    static Encoding StrictGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    static bool TryDecode(Encoding encoding, byte[] content, int start, out string text, out int badByte)
    {
        try
        {
            text = encoding.GetString(content, start, content.Length - start);
            badByte = -1;
            return true;
        }
        catch (DecoderFallbackException e)
        {
            text = "";
            badByte = start + Math.Max(0, e.Index);
            return false;
        }
    }
}
