# Labour.
topic medtop:09000000
3 labour
3 labor
3 worker
3 employee
4 employer
4 workforce
1 staff
1 job
4 employment
4 hiring
3 wage
4 minimum wage
4 salary
4 pay rise
1 pay
3 pension
4 retirement
2 striking
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
3 jobseekers
3 job seekers
3 hiring freeze
3 job market
3 job openings
3 vacancies
3 recruitment
3 recruiting
3 staff shortages
3 labour shortage
3 labor shortage
3 skilled workers
3 migrant workers
3 guest workers
3 gig economy
3 zero hours
3 contract workers
3 temporary workers
3 part time
3 full time
3 four day week
3 remote work
3 working from home
3 work from home
3 occupational safety
3 workplace safety
3 work permit
3 labour ministry
3 labor department
3 labour law
3 labor law
3 employment law
3 equal pay
3 pay gap
3 wage growth
3 pay deal
3 pay talks
3 pay dispute
3 stoppage
3 work stoppage
3 lockout
3 industrial dispute
3 shop steward
3 teamsters
3 afl cio
3 tuc
3 dgb
3 cgt
3 ig metall
3 verdi
# Issue #6: workers who are not the story's subject as employees.
-2 aid worker
-2 rescue worker
-2 relief worker
# Issue #6: an athlete's retirement is sport.
-3 announced his retirement
-3 announced her retirement
-2 retirement from
