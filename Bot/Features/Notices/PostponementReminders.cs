using System.Globalization;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Notices;

/// <summary>
/// A postponement waiting for the organiser's decision (000 §四(五)1: 不准无故、借故推诿、拖延 — the organiser answers too):
/// reminded to the organiser in working hours, then escalated every working day to the discipline office of the talkee's
/// unit (and the organiser again) until it is decided, withdrawn, or the talk's time has come. The entry's tag is the
/// time the request was made, so a request asked again starts a chain of its own and the old one stops.
/// </summary>
public sealed class PostponementReminders(TalkStore talks, PeopleDirectory directory, Messenger messenger, ScheduleStore schedule, ReminderRules rules, TimeProvider time)
{
    public const string Job = "PostponementWaiting";

    public Task PlanAsync(Talk talk, Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(notice);
        var asked = notice.PostponementRequestedAt ?? time.GetUtcNow();
        return schedule.AddAsync(new ScheduleEntry(Job, talk.Id.Value, notice.Talkee, rules.DecisionReminderAt(asked), Tag: Tag(asked)), cancellationToken);
    }

    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = time.GetUtcNow();
        if (entry.Person is not { } talkee
            || await talks.ReadForTalkeeAsync(new TalkId(entry.Subject), talkee, cancellationToken).ConfigureAwait(false) is not
                { Talk.Talk: { Status: TalkStatus.Scheduled } talk, Notice.Notice: { Status: NoticeStatus.PostponementRequested, PostponementRequestedAt: { } asked } notice }
            || Tag(asked) != entry.Tag || now >= talk.ScheduledAt)
        {
            return null; // decided, withdrawn, asked again (its own chain), or too late to matter
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var escalated = entry.Round > 1;
        var to = escalated
            ? DisciplineOffices.Of(people.Find(talkee)?.UnitId, people.WithRole(Role.DisciplineOffice)).Append(talk.Organiser).Where(p => p != talkee)
            : [talk.Organiser];
        var when = rules.Calendar.ToLocal(talk.ScheduledAt);
        var (name, organiser) = (people.Name(talkee), people.Name(talk.Organiser));
        await messenger.TellEachAsync(to, (_, l) => ReminderCard.Build(new ReminderView(
            l.Pick("改期申请待决定", "Postponement waiting for a decision"),
            [l.Pick($"{name}申请将{DateText.DateTime(when, l)}在{talk.Place}进行的谈话改期（理由：{notice.PostponementReason}），{organiser}尚未答复（000 §四(五)1）。",
                $"{name} asked to postpone the talk on {DateText.DateTime(when, l)} at {talk.Place} (reason: {notice.PostponementReason}); {organiser} has not answered yet (000 §四(五)1).")],
            escalated, Verbs.PostponementShow, l.Pick("处理", "Decide"),
            new Dictionary<string, string> { [DataKeys.TalkId] = talk.Id.Value, [DataKeys.Talkee] = talkee.Value }), l), cancellationToken, entry.Key).ConfigureAwait(false);

        var next = rules.NextEscalationAt(now);
        return next < talk.ScheduledAt ? entry with { DueAt = next, Round = entry.Round + 1 } : null;
    }

    private static string Tag(DateTimeOffset asked) => asked.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
