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
