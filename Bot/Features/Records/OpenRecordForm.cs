using TalkBot.Domain.Records;

namespace TalkBot.Bot.Features.Records;

/// <summary>
/// 登记谈话记录 / 修改记录: the record form for the talk's recorder or its discipline office (000 §四(一)4), with, before
/// the first record, a "did not attend" button per talkee for the recorder or a talker (000 §四(五)1).
/// </summary>
public sealed class OpenRecordForm(RecordTalks found, RecordStore records, RecordQuizzes quizzes, WorkingCalendar calendar, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.RecordNew;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var locale = request.Locale;
        if (await found.FindAsync(request, cancellationToken).ConfigureAwait(false) is not var (talk, people))
        {
            return RecordTalks.TalkNotFound(locale);
        }

        if (!RecordAccess.CanLog(request.Actor, talk, people.Find(talk.Organiser)))
        {
            return RecordTalks.Refused(locale, "登记这次谈话的记录", "record this talk");
        }

        if (RecordRules.CheckTalkOpenForRecord(talk) is { } closed)
        {
            throw new DomainRuleException(closed);
        }

        var stored = await records.GetAsync(talk, cancellationToken).ConfigureAwait(false);
        var values = RecordPresenter.Values(talk, stored?.Record, request.Actor, people.Context(calendar));
        var form = RecordPresenter.Form(talk, stored?.Record, request.Actor, RecordPeople.Choices(people, talk, request.Actor, values, locale),
            people.Context(calendar), Guid.NewGuid().ToString("N"), values);
        return RecordFormCard.Build(form with
        {
            Quizzes = await quizzes.ForAsync(talk, people, cancellationToken).ConfigureAwait(false),
            Attendance = RecordTalks.Attendance(talk, stored?.Record, request.Actor, people, time.GetUtcNow()),
        }, locale);
    }
}
