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
