# Labour.
topic medtop:09000000
4 labour
4 labor
4 worker
4 employee
4 employer
4 workforce
1 staff
1 job
4 employment
4 hiring
4 wage
4 minimum wage
4 salary
4 pay rise
1 pay
4 pension
4 retirement
4 striking
1 overtime
4 working hours
4 workplace
4 labor market
4 labour market
4 payroll
4 gewerkschaft
4 streik
4 arbeitslos
4 syndicat
4 grève
4 chômage
4 huelga
4 sindicato
4 desempleo
-3 air strike
-3 airstrike
-3 military strike
-3 strike force
-2 strikeout
-2 strike zone
-3 missile strike
