using TalkBot.Domain.Records;
using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Records;

/// <summary>Once a version of the record is stored, each talkee gets their own part of it to verify (本人核实, 002 §五7), once.</summary>
public sealed class RecordVerification(TalkStore talks, RecordStore records, PeopleDirectory directory, Messenger messenger, WorkingCalendar calendar)
    : IFollowUp<RecordLogged>
{
    public async Task RunAsync(RecordLogged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { } talk
            || await records.GetAsync(talk, cancellationToken).ConfigureAwait(false) is not { } stored
            || stored.Record.Versions.FirstOrDefault(v => v.Number == change.Version) is not { } version)
        {
            return; // not stored after all
        }

        var context = (await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).Context(calendar);
        await messenger.TellEachAsync(
            talk.Talkees,
            (talkee, l) => RecordCard.Build(RecordPresenter.Record(talk, stored.Record, version, talkee, context, RecordCardMode.Verify), l),
            cancellationToken, "verify|" + change.Key).ConfigureAwait(false);
    }
}

/// <summary>
/// Once a talkee's verification settles a version (disputed, or verified by every talkee, 002 §五7), the recorder and
/// the author hear it: a dispute with who raised it, to revise the record. Read from the stored record, keyed by the
/// change, so a re-run after a crash tells nobody twice.
/// </summary>
public sealed class RecordSettledNews(TalkStore talks, RecordStore records, PeopleDirectory directory, Messenger messenger, WorkingCalendar calendar)
    : IFollowUp<RecordSettled>
{
    public async Task RunAsync(RecordSettled change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { } talk
            || await records.GetAsync(talk, cancellationToken).ConfigureAwait(false) is not { Record: { } record }
            || record.Current.Number != change.Version
            || record.Status is not (RecordStatus.Disputed or RecordStatus.Verified))
        {
            return; // not stored after all, or a newer version replaced it
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var context = people.Context(calendar);
        var recorder = record.Current.Content.Recorder ?? record.Current.Author;
        await messenger.TellEachAsync(
            [recorder, record.Current.Author],
            (person, l) => RecordCard.Build(RecordPresenter.Record(talk, record, record.Current, person, context, RecordCardMode.Recorder,
                record.Status == RecordStatus.Disputed
                    ? l.Pick($"{people.Name(change.By)}对记录有异议，请修改后重新提交核实。", $"{people.Name(change.By)} disputes the record; please revise it and submit it again.")
                    : null), l),
            cancellationToken, change.Key).ConfigureAwait(false);
    }
}
