using System.Globalization;
using System.Text;

namespace TalkBot.EndToEnd.Tests.Harness;

/// <summary>
/// Everything the peer processes print, interleaved with a source tag, so a failing test can show
/// what the bot, Azurite and the Playground were doing at the time.
/// </summary>
public sealed class PeerLog
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();

    public void Write(string source, string line)
    {
        var stamp = DateTimeOffset.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _text.Append(stamp).Append(" [").Append(source).Append("] ").AppendLine(line);
        }
    }

    /// <summary>The last <paramref name="maxChars"/> characters, which is where a failure's cause usually is.</summary>
    public string Tail(int maxChars = 20_000)
    {
        lock (_gate)
        {
            return _text.Length <= maxChars
                ? _text.ToString()
                : "…" + _text.ToString(_text.Length - maxChars, maxChars);
        }
    }

    public void SaveTo(string path)
    {
        lock (_gate)
        {
            File.WriteAllText(path, _text.ToString());
        }
    }
}
