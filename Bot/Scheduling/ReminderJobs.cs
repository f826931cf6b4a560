using TalkBot.Bot.Handlers;
using TalkBot.Bot.Storage;
using TalkBot.Bot.Talks;
using TalkBot.Cards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.Rectifications;
using TalkBot.Domain.Reminders;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Scheduling;

/// <summary>
/// Puts the reminders of a talk and of a rectification into the durable schedule. Each entry's time comes from
/// Domain's <see cref="ReminderRules"/>: working hours on working days.
/// </summary>
public sealed class ReminderPlanner(ScheduleStore schedule, ReminderRules rules, TimeProvider time)
{
    /// <summary>A new talk: the notice re-push and escalation per talkee, the eve of the talk, and the record check after it.</summary>
    public async Task ForNewTalkAsync(Talk talk, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var talkee in talk.Talkees)
        {
            var repush = rules.NoticeRepushAt(now);
            var escalation = rules.NoticeEscalationAt(talk.ScheduledAt, now);
            if (repush < escalation)
            {
                await schedule.AddAsync(new ScheduleEntry(ReminderKind.NoticeRepush, talk.Id, talkee, repush), cancellationToken).ConfigureAwait(false);
            }

            await schedule.AddAsync(new ScheduleEntry(ReminderKind.NoticeEscalation, talk.Id, talkee, escalation), cancellationToken).ConfigureAwait(false);
        }

        await schedule.AddAsync(new ScheduleEntry(ReminderKind.TalkEve, talk.Id, null, rules.TalkEveReminderAt(talk.ScheduledAt, now)), cancellationToken).ConfigureAwait(false);
        await schedule.AddAsync(new ScheduleEntry(ReminderKind.RecordMissing, talk.Id, null, rules.RecordMissingReminderAt(talk.ScheduledAt)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A rectification opened or returned: the reminder before its due date and the escalation after it.</summary>
    public Task ForRectificationAsync(Rectification rectification, CancellationToken cancellationToken) =>
        ForDeadlineAsync(ReminderKind.RectificationDueSoon, ReminderKind.RectificationOverdue, rectification.TalkId, rectification.Talkee,
            rectification.DueDate, rectification.DueDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>
    /// Anything due by a date: a reminder one working day before it (when that is still ahead of the escalation) and
    /// the first escalation the working day after it. <paramref name="tag"/> names the due date, so that a new due date
    /// starts a chain of its own and the old one stops.
    /// </summary>
    public async Task ForDeadlineAsync(ReminderKind dueSoon, ReminderKind overdue, TalkId subject, PersonId person, DateOnly dueDate, string tag,
        CancellationToken cancellationToken)
    {
        var remindAt = rules.RectificationReminderAt(dueDate, time.GetUtcNow());
        var escalateAt = rules.RectificationEscalationAt(dueDate);
        if (remindAt < escalateAt)
        {
            await schedule.AddAsync(new ScheduleEntry(dueSoon, subject, person, remindAt, Tag: tag), cancellationToken).ConfigureAwait(false);
        }

        await schedule.AddAsync(new ScheduleEntry(overdue, subject, person, escalateAt, Tag: tag), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// What each due entry does. Every job first checks that the thing is still not done (reminders stop as soon as it is)
/// and sends with the entry's key, so a re-run after a crash sends nothing twice. A job returns the entry that follows
/// it (the next escalation), or null.
/// </summary>
public sealed class ReminderJobs(
    TalkRepository talks,
    RecordRepository records,
    RectificationRepository rectifications,
    PeopleRepository peopleRepository,
    PersonMessenger messenger,
    NoticeViews noticeViews,
    ReminderRules rules,
    Plans.PlanJobs planJobs,
    Cases.CaseJobs caseJobs,
    TimeProvider time)
{
    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Kind is ReminderKind.MonthlyPlan or ReminderKind.PlanUnscheduled)
        {
            return await planJobs.RunAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        if (entry.Kind is ReminderKind.TaskDueSoon or ReminderKind.TaskOverdue or ReminderKind.CaseFollowUp)
        {
            return await caseJobs.RunAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        var talk = await talks.GetAsync(entry.Talk, cancellationToken).ConfigureAwait(false);
        if (talk is null || talk.Status == TalkStatus.Cancelled)
        {
            return null;
        }

        // What comes before the talk is pointless once it has begun (a reminder run late, after an outage).
        var beforeTalk = talk.Status == TalkStatus.Scheduled && time.GetUtcNow() < talk.ScheduledAt;
        var people = await PeopleLookup.LoadAsync(peopleRepository, cancellationToken).ConfigureAwait(false);
        var when = rules.Calendar.ToLocal(talk.ScheduledAt);
        var ids = new Dictionary<string, string> { [DataKeys.TalkId] = talk.Id.Value };
        switch (entry.Kind)
        {
            case ReminderKind.NoticeRepush or ReminderKind.NoticeEscalation when entry.Person is { } talkee:
                var notice = await talks.GetNoticeAsync(talk.Id, talkee, cancellationToken).ConfigureAwait(false);
                if (notice is null || notice.Notice.IsAnswered || !beforeTalk)
                {
                    return null;
                }

                if (entry.Kind == ReminderKind.NoticeRepush)
                {
                    await messenger.TellAsync(talkee, l => NoticeCard.Build(noticeViews.Notice(talk, notice.Notice, people, l) with
                    {
                        Quiz = talk.Kind == TalkKind.Routine ? new Cards.Views.NoticeQuiz(CanStart: true) : null,
                    }, l), cancellationToken, entry.Key, TalkEscalation.For(talk, $"再次推送的{talk.Place}谈话通知书", $"the repeated notice of the talk at {talk.Place}")).ConfigureAwait(false);
                }
                else
                {
                    await messenger.TellAsync(talk.Organiser, l => ReminderCard.Build(new ReminderView(
                        l.Pick("通知书尚未确认", "Notice not acknowledged"),
                        [l.Pick($"{people.Name(talkee)}尚未确认收到《层级廉政谈话通知书》，谈话时间为{DateText.DateTime(when, l)}，地点：{talk.Place}。请另行通知。",
                            $"{people.Name(talkee)} has not acknowledged the notice of the talk on {DateText.DateTime(when, l)} at {talk.Place}. Please notify them another way.")],
                        Escalation: true), l), cancellationToken, entry.Key).ConfigureAwait(false);
                }

                return null;

            case ReminderKind.TalkEve:
                if (!beforeTalk)
                {
                    return null;
                }

                var everyone = talk.Talkers.Concat(talk.Talkees).Concat(talk.Recorder is { } r ? [r] : []);
                await messenger.TellEachAsync(everyone, (_, l) => ReminderCard.Build(new ReminderView(
                    l.Pick("谈话提醒", "Talk reminder"),
                    [l.Pick($"{Labels.Of(talk.Kind, l)}定于{DateText.DateTime(when, l)}在{talk.Place}进行。", $"The {Labels.Of(talk.Kind, l).ToLowerInvariant()} is on {DateText.DateTime(when, l)} at {talk.Place}."),
                     l.Pick($"谈话人：{CardParts.Names(talk.Talkers.Select(people.Name), l)}；谈话对象：{CardParts.Names(talk.Talkees.Select(people.Name), l)}",
                         $"Talkers: {CardParts.Names(talk.Talkers.Select(people.Name), l)}; talkees: {CardParts.Names(talk.Talkees.Select(people.Name), l)}")]), l),
                    cancellationToken, entry.Key, TalkEscalation.For(talk, $"{talk.Place}谈话的前一日提醒", $"the eve-of-talk reminder for the talk at {talk.Place}")).ConfigureAwait(false);
                return null;

            case ReminderKind.RecordMissing:
                if (await records.GetAsync(talk, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return null;
                }

                await messenger.TellAsync(talk.Recorder ?? talk.Organiser, l => ReminderCard.Build(new ReminderView(
                    l.Pick("谈话记录尚未登记", "Talk not yet recorded"),
                    [l.Pick($"{DateText.DateTime(when, l)}在{talk.Place}与{CardParts.Names(talk.Talkees.Select(people.Name), l)}的{Labels.Of(talk.Kind, l)}尚未登记{Cards.Records.ChecklistText.FormName(talk.Kind, l)}（{RecordSource(talk)}）。",
                        $"The talk with {CardParts.Names(talk.Talkees.Select(people.Name), l)} on {DateText.DateTime(when, l)} at {talk.Place} has no {Cards.Records.ChecklistText.FormName(talk.Kind, l)} yet ({RecordSource(talk)}).")],
                    false, Verbs.RecordNew, l.Pick("登记谈话记录", "Record the talk"), ids), l), cancellationToken, entry.Key,
                    TalkEscalation.For(talk, $"{talk.Place}谈话的记录登记提醒", $"the reminder to record the talk at {talk.Place}")).ConfigureAwait(false);
                return null;

            case ReminderKind.RectificationDueSoon or ReminderKind.RectificationOverdue when entry.Person is { } talkee:
                return await RectificationAsync(entry, talk, talkee, people, cancellationToken).ConfigureAwait(false);

            default:
                return null;
        }
    }

    // 000 §四(一)4: the 《层级廉政谈话登记表》; 002 §五6–7: the 诫勉谈话教育情况表 and the person's verification.
    private static string RecordSource(Talk talk) => talk.Kind == TalkKind.Admonishment ? "002 §五6–7" : "000 §四(一)4";

    private async Task<ScheduleEntry?> RectificationAsync(ScheduleEntry entry, Talk talk, PersonId talkee, PeopleLookup people, CancellationToken cancellationToken)
    {
        var stored = await rectifications.GetAsync(talk.Id, talkee, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var tag = stored?.Rectification.DueDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        // Done, or superseded by a return with a new due date (which has its own entries): nothing more.
        if (stored is not { Rectification: { AwaitsReport: true } r } || tag != entry.Tag)
        {
            return null;
        }

        var ids = new Dictionary<string, string> { [DataKeys.TalkId] = talk.Id.Value, [DataKeys.Talkee] = talkee.Value };
        if (entry.Kind == ReminderKind.RectificationDueSoon)
        {
            if (rules.IsOverdue(r.DueDate, now))
            {
                return null; // too late for "due soon": the overdue escalation says it
            }

            await messenger.TellAsync(talkee, l => ReminderCard.Build(new ReminderView(
                l.Pick("整改上报提醒", "Rectification report due"),
                [l.Pick($"请于{DateText.Date(r.DueDate, l)}前上报整改措施落实情况（000 §四(一)5）。", $"Please report the measures taken by {DateText.Date(r.DueDate, l)} (000 §四(一)5).")],
                false, Verbs.RectificationShow, l.Pick("上报整改情况", "Report now"), ids), l), cancellationToken, entry.Key,
                TalkEscalation.For(talk, "整改上报提醒", "the rectification reminder")).ConfigureAwait(false);
            return null;
        }

        if (!rules.IsOverdue(r.DueDate, now))
        {
            return entry with { DueAt = rules.RectificationEscalationAt(r.DueDate) };
        }

        // Overdue: the talkee, the talkers and the discipline office (the organiser) hear of it, again and again.
        await messenger.TellEachAsync(talk.Talkers.Append(talk.Organiser).Prepend(talkee), (person, l) => ReminderCard.Build(new ReminderView(
            l.Pick("整改情况逾期未报", "Rectification report overdue"),
            [l.Pick($"{people.Name(talkee)}的整改措施落实情况应于{DateText.Date(r.DueDate, l)}前上报，现已逾期（000 §四(一)5）。",
                $"{people.Name(talkee)}'s rectification report was due by {DateText.Date(r.DueDate, l)} and is overdue (000 §四(一)5).")],
            true, Verbs.RectificationShow, person == talkee ? l.Pick("上报整改情况", "Report now") : l.Pick("查看整改", "View"), ids), l),
            cancellationToken, entry.Key, TalkEscalation.For(talk, "整改逾期提醒", "the overdue rectification reminder")).ConfigureAwait(false);
        return entry with { Round = entry.Round + 1, DueAt = rules.NextEscalationAt(now) };
    }
}
