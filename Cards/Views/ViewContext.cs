using TalkBot.Domain;
using TalkBot.Domain.Calendar;

namespace TalkBot.Cards.Views;

/// <summary>
/// What a view needs besides the aggregate and the viewer: the names of people (from the directory) and the site's
/// calendar, for local times.
/// </summary>
public sealed record ViewContext(Func<PersonId, string> Name, WorkingCalendar Calendar)
{
    public DateTimeOffset Local(DateTimeOffset at) => Calendar.ToLocal(at);

    public IReadOnlyList<string> Names(IEnumerable<PersonId> people) => [.. people.Select(Name)];
}
