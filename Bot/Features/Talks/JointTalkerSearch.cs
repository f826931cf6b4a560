namespace TalkBot.Bot.Features.Talks;

/// <summary>
/// The typeahead of a plan talk's 邀请共同谈话 field (000 §二2, §二4): the dataset names the talkee (Datasets.About), and
/// the caller finds whom the tier lines he talks on with that talkee let him invite (Domain's PersonScopes.JointTalkers);
/// anyone else, or a caller on no such line, finds nobody.
/// </summary>
public sealed class JointTalkerSearch(PeopleDirectory directory) : ISearchDataset
{
    public string Name => Datasets.JointTalkers;

    public async Task<IReadOnlyList<SearchResult>> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Context is not { Length: > 0 } talkee)
        {
            return [];
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return people.Results(PersonScopes.JointTalkers(request.Actor, people.TiersOf(new PersonId(talkee))), request);
    }
}
