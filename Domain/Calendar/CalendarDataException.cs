namespace TalkBot.Domain.Calendar;

/// <summary>
/// Calendar data that cannot be trusted. Each problem names the file, the year and the date, so that an
/// administrator can correct the file without guessing.
/// </summary>
public sealed class CalendarDataException : Exception
{
    public CalendarDataException(IReadOnlyList<string> problems)
        : base("Invalid calendar data: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
