# Society: communities, demographics, discrimination, family, social problems, welfare.
topic medtop:14000000
2 society
2 social
2 community
4 welfare
4 social security
4 social services
4 charity
2 volunteer
4 gender equality
4 equality
4 inequality
4 women s rights
2 gay
4 lesbian
4 lgbt
4 transgender
2 minority
2 ethnic
4 indigenous
2 disability
2 disabled
2 elderly
4 pensioners
2 children
2 child
2 youth
2 teenager
4 abortion
4 birth rate
2 population
4 census
4 demographic
4 aging population
4 addiction
4 alcoholism
4 drug abuse
4 suicide
4 domestic violence
4 prostitution
4 human trafficking
4 slavery
4 euthanasia
2 ethics
4 gesellschaft
4 armut
4 société
4 pauvreté
4 sociedad
4 pobreza
-4 disabled list
3 social workers
3 social housing
3 housing crisis
3 affordable housing
3 rough sleepers
3 soup kitchen
1 shelter
3 orphans
3 orphanage
3 foster care
3 childcare
3 child care
3 day care
1 nursery
3 parental leave
3 maternity leave
3 elder care
3 care homes
3 nursing home
3 loneliness
3 inequality gap
3 income inequality
3 social mobility
3 gender gap
3 gender pay gap
3 feminism
3 feminist
3 metoo
3 harassment
3 sexual harassment
3 hate speech
3 racial justice
3 civil rights movement
3 black lives matter
3 migrants integration
1 integration
3 multiculturalism
1 diversity
1 inclusion
3 pride parade
3 lgbtq
3 transgender rights
3 gender identity
3 same sex couples
3 dementia care
3 ageing
3 fertility rate
3 population decline
3 demographers
3 census data
3 anti social behaviour
3 gangs of youths
3 teen pregnancy
3 binge drinking
3 gambling addiction
3 homeless people
3 beggars
3 begging
3 charitable
3 philanthropy
3 philanthropist
1 donations
1 donors
3 ngo
3 nonprofit
3 non profit
