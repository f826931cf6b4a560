using TalkBot.Domain;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.Plans;

namespace TalkBot.Cards.Views;

/// <summary>
/// What a view needs besides the aggregate and the viewer: the names of people (from the directory) and the site's
/// calendar, for local times.
/// </summary>
/// <param name="TiersOf">The tier lines naming a talkee (000 §二), for the cards that say which line a routine talk is on; none when not given.</param>
public sealed record ViewContext(Func<PersonId, string> Name, WorkingCalendar Calendar, Func<PersonId, IEnumerable<TierAssignment>>? TiersOf = null)
{
    public DateTimeOffset Local(DateTimeOffset at) => Calendar.ToLocal(at);

    public IReadOnlyList<string> Names(IEnumerable<PersonId> people) => [.. people.Select(Name)];
}
