using TalkBot.Domain.Talks;
using TalkBot.Domain.Plans;

namespace TalkBot.Domain.Statistics;

/// <summary>
/// The finest grain the statistics are kept at, one per filter of the statistics page: the unit counted in (the
/// talkee's for a talk, the office's for a lead or a case, the talker's for a plan), the tier of 000 §二 (none for a
/// reminder or admonishment talk off the tiers), the leading talker (none for a lead or a case) and the kind of talk.
/// </summary>
public sealed record StatCell(UnitId? Unit, Tier? Tier, PersonId? Talker, TalkKind Kind);

/// <summary>One figure one item adds to one cell (a talk's talkee acknowledged: +1 <see cref="Figures.Acknowledged"/>).</summary>
public sealed record Tally(StatCell Cell, string Figure, long Amount = 1);
