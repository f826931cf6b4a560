using System.Globalization;
using TalkBot.Domain.Records;

namespace TalkBot.Bot.Features.Records;

/// <summary>
/// 确认无误 / 有异议: a talkee verifies their part of the current version (本人核实, 002 §五7). A dispute goes back to the
/// recorder with its comment; when every talkee has confirmed, the recorder is told the record is verified
/// (<see cref="RecordSettledNews"/>, planned with the save).
/// </summary>
public abstract class VerifyRecord(RecordTalks found, RecordStore records, FollowUps followUps, WorkingCalendar calendar, TimeProvider time) : ICardAction
{
    public abstract string Verb { get; }

    protected abstract VerificationDecision Decision { get; }

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        if (await found.FindAsync(request, cancellationToken).ConfigureAwait(false) is not var (talk, people) || !talk.IsTalkee(actor.Id))
        {
            // Someone else's record: the same answer as for a talk that does not exist, so nothing is revealed.
            return RecordTalks.TalkNotFound(locale);
        }

        var context = people.Context(calendar);
        _ = int.TryParse(request.Text(DataKeys.Version), NumberStyles.None, CultureInfo.InvariantCulture, out var version);
        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            if (await records.GetAsync(talk, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return RecordTalks.NoRecord(locale);
            }

            var record = stored.Record;
            var statusBefore = record.Status;
            if (record.Verify(actor.Id, version, Decision, request.Text(DataKeys.Comment), time))
            {
                Task<bool> Save() => records.SaveAsync(stored, record.Versions.Count, [actor.Id], request.Turn.Activity.Id, cancellationToken);
                var settled = new RecordSettled(talk.Id, record.Current.Number, actor.Id);
                var saved = record.Status == RecordStatus.Disputed || (record.Status == RecordStatus.Verified && statusBefore != RecordStatus.Verified)
                    ? await followUps.SaveAsync(settled, settled.Key, Save, cancellationToken).ConfigureAwait(false)
                    : await Save().ConfigureAwait(false);
                if (!saved)
                {
                    return Optimistic.Again; // a repeated click raced this one: read again, and Domain makes it a no-op
                }
            }

            return RecordCard.Build(RecordPresenter.Record(talk, record, record.Current, actor.Id, context, RecordCardMode.View), locale);
        }, () => RecordTalks.Busy(locale)).ConfigureAwait(false);
    }

    /// <summary>A refused verification (a dispute without a comment, an older version): the record as it is, with why.</summary>
    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        if (await found.FindAsync(request, cancellationToken).ConfigureAwait(false) is not var (talk, people)
            || await records.GetAsync(talk, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return RecordTalks.TalkNotFound(request.Locale);
        }

        var record = stored.Record;
        var mode = RecordPresenter.ModeFor(talk, record, request.Actor, people.Find(talk.Organiser));
        return RecordCard.Build(RecordPresenter.Record(talk, record, record.Current, request.Actor.Id, people.Context(calendar), mode,
            string.Join(" ", refusal.Messages)), request.Locale);
    }
}

public sealed class ConfirmRecord(RecordTalks found, RecordStore records, FollowUps followUps, WorkingCalendar calendar, TimeProvider time)
    : VerifyRecord(found, records, followUps, calendar, time)
{
    public override string Verb => Verbs.RecordConfirm;

    protected override VerificationDecision Decision => VerificationDecision.Confirmed;
}

public sealed class DisputeRecord(RecordTalks found, RecordStore records, FollowUps followUps, WorkingCalendar calendar, TimeProvider time)
    : VerifyRecord(found, records, followUps, calendar, time)
{
    public override string Verb => Verbs.RecordDispute;

    protected override VerificationDecision Decision => VerificationDecision.Disputed;
}
