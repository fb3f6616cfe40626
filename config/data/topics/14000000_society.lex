# Society: communities, demographics, discrimination, family, social problems, welfare.
topic medtop:14000000
4 society
4 social
4 community
4 welfare
4 social security
4 social services
4 charity
4 volunteer
4 gender equality
4 equality
4 inequality
4 women s rights
4 gay
4 lesbian
4 lgbt
4 transgender
4 minority
4 ethnic
4 indigenous
4 disability
4 disabled
4 elderly
4 pensioners
4 children
4 child
4 youth
4 teenager
4 abortion
4 birth rate
4 population
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
4 ethics
4 gesellschaft
4 armut
4 société
4 pauvreté
4 sociedad
4 pobreza
