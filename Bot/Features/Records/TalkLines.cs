using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Records;

/// <summary>Talks as lines of a lead, a case or an archive, each with its record's status ("held" means recorded, 000 §四(一)4).</summary>
public sealed class TalkLines(TalkStore talks, RecordStore records)
{
    public async Task<IReadOnlyList<TalkLine>> ForAsync(IEnumerable<TalkId> ids, ViewContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var lines = new List<TalkLine>();
        foreach (var id in ids)
        {
            if (await talks.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } talk)
            {
                var record = await records.GetAsync(talk, cancellationToken).ConfigureAwait(false);
                lines.Add(TalkViews.Line(talk, record?.Record.Status, context));
            }
        }

        return lines;
    }

    /// <summary>Whether the talk has its record, which is what "held" means here (000 §四(一)4).</summary>
    public async Task<bool> IsHeldAsync(Talk? talk, CancellationToken cancellationToken) =>
        talk is not null && await records.GetAsync(talk, cancellationToken).ConfigureAwait(false) is not null;
}
