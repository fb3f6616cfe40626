topic medtop:20000344
4 economy
4 economic growth
4 gdp
4 gross domestic product
4 inflation
4 deflation
4 recession
4 unemployment rate
4 jobless rate
4 consumer prices
4 consumer confidence
4 interest rate
4 federal reserve
4 central bank
4 ecb
4 bank of england
4 bank of japan
4 monetary policy
4 fiscal policy
4 trade deficit
4 current account
4 economist
4 economic data
4 retail sales
4 industrial production
4 housing starts
3 payrolls
3 stimulus
4 inflación
4 precios
4 banco central
4 tipos de interés
4 tasa de interés
4 economía española
4 inflação
4 juros
4 taxa de juros
4 economia
4 mercado
4 banque centrale
4 taux d intérêt
4 croissance
4 zentralbank
4 zinsen
4 leitzins
4 konjunktur
4 wachstum

# Added for issue #6: economic policy and international trade. IPTC files trade talks, tariffs
# and a finance minister's statements under economy (international trade, economic policy) even
# when ministers and parliaments are the actors; the politics lexicon scores the actors.
4 finance minister
4 finance ministry
4 economy minister
4 trade minister
4 commerce secretary
4 commerce department
4 treasury secretary
4 chancellor of the exchequer
3 oil minister
4 trade talks
4 trade bill
4 trade agreement
4 trade pact
4 trade deal
4 trade dispute
4 trade war
4 trade surplus
4 trade barriers
4 trade sanctions
4 trade policy
4 trade representative
4 free trade
4 free trade agreement
4 gatt
4 wto
4 world trade organization
4 world trade organisation
4 protectionism
4 protectionist
3 anti dumping
3 dumping duties
3 import quotas
3 import duties
3 export quotas
3 exporters
3 importers
4 imf
4 international monetary fund
4 world bank
3 g7
3 group of seven
3 g20
3 oecd
3 foreign investment
3 foreign direct investment
3 fdi
3 gnp
3 gross national product
3 public debt
3 national debt
3 credit rating
3 downgrade
3 devaluation
3 revaluation
3 exchange rates
3 privatisation
3 privatization
3 state owned
3 nationalisation
3 nationalization
3 subsidies
3 state aid
3 economic reform
3 economic policy
3 structural reforms
3 economic recovery
3 economic slowdown
3 downturn
3 upturn
3 living standards
