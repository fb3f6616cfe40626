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
