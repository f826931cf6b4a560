using TalkBot.Domain.Records;
using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Records;

/// <summary>
/// What the record actions share: finding the talk the card names with the directory, and their error cards. Who may
/// do what (SPEC §6) is Domain's <see cref="Domain.Records.RecordAccess"/>, from the caller's identity, never from card data.
/// </summary>
public sealed class RecordTalks(TalkStore talks, PeopleDirectory directory)
{
    /// <summary>The talk the card names, with the directory; null when the id is malformed or names no talk.</summary>
    public async Task<(Talk Talk, PeopleLookup People)?> FindAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        if (!TalkId.TryParse(request?.Text(DataKeys.TalkId), out var talkId)
            || await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return null;
        }

        return (talk, await directory.CurrentAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Each talkee as the form of a talk's first record shows attendance: recorded absent or not, and whether the viewer may
    /// record it now (Domain's <see cref="TalkAccess.CheckAttendance"/>, once the talk's time has come). None once a record
    /// is logged: absences come before it (<see cref="RuleCode.AbsenceAfterRecord"/>).
    /// </summary>
    public static IReadOnlyList<RecordAttendance>? Attendance(Talk talk, TalkRecord? record, Person viewer, PeopleLookup people, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(people);
        if (record is not null)
        {
            return null;
        }

        var may = now >= talk.ScheduledAt && talk.Status == TalkStatus.Scheduled && TalkAccess.CheckAttendance(viewer, talk) is null;
        return [.. talk.Talkees.Select(t => new RecordAttendance(t, people.Name(t), talk.Absences.Any(a => a.Talkee == t), may))];
    }

    public static AdaptiveCard TalkNotFound(Locale locale) => ErrorCard.Build(
        locale.Pick("未找到该谈话", "Talk not found"),
        [locale.Pick("没有找到这次谈话，无法登记或查看记录。它可能已被删除，或链接有误。", "There is no such talk, so it has no record to log or view. It may have been removed, or the link is wrong.")],
        locale);

    public static AdaptiveCard NoRecord(Locale locale) => ErrorCard.Build(
        locale.Pick("该谈话尚无记录", "No record yet"),
        [locale.Pick("记录人尚未登记这次谈话的记录。", "The recorder has not logged this talk yet.")],
        locale);

    public static AdaptiveCard Busy(Locale locale) => ErrorCard.Busy(locale, "该记录", "The record");

    public static AdaptiveCard Refused(Locale locale, string zh, string en) => RefusalCard.Build(locale, locale.Pick(zh, en));
}
