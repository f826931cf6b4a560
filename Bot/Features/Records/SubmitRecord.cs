using TalkBot.Cards.Records;
using TalkBot.Domain.Records;

namespace TalkBot.Bot.Features.Records;

/// <summary>
/// 提交记录: stores the record (the first version, or a revision) and marks the talk held; with it, what follows a logged
/// record (<see cref="RecordLogged"/>: each talkee's part to verify, 002 §五7; the rectification, 000 §四(一)5; the lead's
/// or case's next step). A repeated submit of one form stores one version and sends nothing again. A refused form is
/// shown again with every problem on top, and nothing is stored.
/// </summary>
public sealed class SubmitRecord(RecordTalks found, RecordStore records, RecordQuizzes quizzes, FollowUps followUps, WorkingCalendar calendar, TimeProvider time)
    : ICardAction
{
    public string Verb => Verbs.RecordSubmit;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        if (await found.FindAsync(request, cancellationToken).ConfigureAwait(false) is not var (talk, people))
        {
            return RecordTalks.TalkNotFound(locale);
        }

        if (!RecordAccess.CanLog(actor, talk, people.Find(talk.Organiser)))
        {
            return RecordTalks.Refused(locale, "登记这次谈话的记录", "record this talk");
        }

        var formId = request.FormId;
        var context = people.Context(calendar);
        var parsed = RecordInputParser.Parse(request.Data, talk.Talkees, calendar.ToInstant);
        if (parsed.Content is { } named && RecordPeople.Check(people, talk, actor, named) is { } outOfScope)
        {
            throw outOfScope; // the form again, naming whom it may not name (RefusedAsync); nothing is stored
        }

        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            var stored = await records.GetAsync(talk, cancellationToken).ConfigureAwait(false);
            if (parsed.Content is not { } content)
            {
                return await FormAsync(talk, stored?.Record, request, people, [.. parsed.Problems.Select(p => p.Message(locale))], cancellationToken)
                    .ConfigureAwait(false);
            }

            TalkRecord record;
            Func<Task<bool>> save;
            if (stored is null)
            {
                record = TalkRecord.Log(talk, content, actor.Id, formId, time);
                talk.MarkHeld();
                save = () => records.CreateAsync(talk, record, cancellationToken);
            }
            else
            {
                record = stored.Record;
                var before = record.Versions.Count;
                if (!record.Revise(talk, content, actor.Id, formId, time))
                {
                    return RecordCard.Build(RecordPresenter.Record(talk, record, record.Current, actor.Id, context, RecordCardMode.Recorder), locale);
                }

                save = () => records.SaveAsync(stored, before, [], request.Turn.Activity.Id, cancellationToken);
            }

            var logged = new RecordLogged(talk.Id, record.Current.Number);
            if (!await followUps.SaveAsync(logged, logged.Key, save, cancellationToken).ConfigureAwait(false))
            {
                return Optimistic.Again; // a repeated submit raced this one: read again, and the form id makes it a no-op
            }

            return RecordCard.Build(RecordPresenter.Record(talk, record, record.Current, actor.Id, context, RecordCardMode.Recorder,
                locale.Pick("记录已提交，已发送谈话对象核实。", "Record submitted and sent to the talkee(s) to verify.")), locale);
        }, () => RecordTalks.Busy(locale)).ConfigureAwait(false);
    }

    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        if (await found.FindAsync(request, cancellationToken).ConfigureAwait(false) is not var (talk, people))
        {
            return RecordTalks.TalkNotFound(request.Locale);
        }

        var stored = await records.GetAsync(talk, cancellationToken).ConfigureAwait(false);
        return await FormAsync(talk, stored?.Record, request, people, refusal.Messages, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> FormAsync(Talk talk, TalkRecord? record, CardActionRequest request, PeopleLookup people, IReadOnlyList<string> errors,
        CancellationToken cancellationToken)
    {
        var parsed = RecordInputParser.Parse(request.Data, talk.Talkees, calendar.ToInstant);
        var form = RecordPresenter.Form(talk, record, request.Actor, RecordPeople.Choices(people, talk, request.Actor, parsed.Values, request.Locale),
            people.Context(calendar), request.FormId ?? Guid.NewGuid().ToString("N"), parsed.Values, errors);
        return RecordFormCard.Build(form with
        {
            Quizzes = await quizzes.ForAsync(talk, people, cancellationToken).ConfigureAwait(false),
            Attendance = RecordTalks.Attendance(talk, record, request.Actor, people, time.GetUtcNow()),
        }, request.Locale);
    }
}
