// What nearly every handler, store and job of the slices uses: the infrastructure it stands on, the card model and
// builders, and the Domain types of people and ids.
global using TalkBot.Bot.Infrastructure.People;
global using TalkBot.Bot.Infrastructure.Routing;
global using TalkBot.Bot.Infrastructure.Scheduling;
global using TalkBot.Bot.Infrastructure.Sending;
global using TalkBot.Bot.Infrastructure.Storage;
global using TalkBot.Cards;
global using TalkBot.Cards.AdaptiveCards;
global using TalkBot.Cards.Builders;
global using TalkBot.Cards.Localization;
global using TalkBot.Cards.Views;
global using TalkBot.Domain;
global using TalkBot.Domain.Calendar;
global using TalkBot.Domain.Events;
global using TalkBot.Domain.People;
global using TalkBot.Domain.Rules;
global using TalkBot.Domain.Talks;
