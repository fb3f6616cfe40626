# Politics.
topic medtop:11000000
4 politics
4 political
4 politician
4 government
4 minister
4 presidential
4 vice president
4 opposition
4 ruling party
4 coalition
4 party leader
4 republican
4 democrat
4 democratic party
4 republican party
3 conservative
3 liberal
4 labour party
4 tory
4 mayor
1 policy
1 reform
4 referendum
4 constitution
4 constitutional
4 regime
4 dictator
4 foreign policy
1 spokesman
1 official
1 authorities
1 state
1 country
1 nation
1 national
1 leader
4 bundesregierung
4 bundestag
4 kanzler
4 regierung
4 gouvernement
4 ministre
4 président
4 élection
4 gobierno
4 presidente
4 ministro
3 political parties
3 party members
3 party congress
3 party conference
3 manifesto
3 policymakers
3 political crisis
3 no confidence
3 vote of no confidence
3 impeachment
3 impeach
1 resignation
1 resigned
1 resign
3 reshuffle
1 appointed
1 appointment
3 nominated by
3 sworn in
3 inauguration
3 inaugural
3 head of state
3 head of government
3 state visit
3 statesman
3 bipartisan
3 partisan
3 left wing
3 right wing
3 far right
3 far left
3 populist
3 populism
3 nationalist
3 socialist
3 communist
3 green party
3 liberal democrats
3 social democrats
3 christian democrats
3 ruling coalition
3 opposition leader
3 opposition parties
3 parliament speaker
3 upper house
3 lower house
3 bundesrat
3 assemblée nationale
3 congreso
3 senado
3 decree
3 executive order
3 veto
3 vetoed
3 ratify
3 ratified
3 ratification
3 lawmaking
3 legislative
3 constitutional court
3 supreme court nominee
3 civil servants
3 civil service
3 bureaucracy
3 ministry
3 department of state
3 home office
3 interior ministry
3 interior minister
-2 finance minister   # economy.lex: what a finance minister says is economic policy
3 foreign affairs
3 white paper
3 green paper
3 public spending
3 budget cuts
3 austerity
3 tax cuts
3 tax reform
3 welfare reform
3 immigration policy
3 border policy
3 geopolitical
3 geopolitics
3 sovereignty
3 independence referendum
3 secession
1 autonomy
3 regional government
3 federal government
3 state government
3 local government
1 municipal
3 city council
3 councillor
# Issue #6: "government" as a borrower is a market cue (market_and_exchange.lex), not politics.
-3 government bond
-3 government securities
-3 government debt
-3 government paper
