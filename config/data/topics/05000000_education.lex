# Education.
topic medtop:05000000
4 education
4 educational
4 school
4 pupil
4 student
4 teacher
3 teaching
3 classroom
3 curriculum
4 university
3 college
3 campus
3 professor
3 lecturer
3 tuition
3 tuition fees
3 scholarship
2 graduate
3 graduation
2 degree
3 exam
3 examination
3 test scores
3 literacy
3 kindergarten
3 preschool
3 primary school
3 secondary school
3 high school
3 elementary school
3 headteacher
2 principal
3 school board
3 education minister
3 ministry of education
3 education secretary
3 enrolment
3 enrollment
3 dropout
3 homework
2 academic
3 semester
3 vocational training
3 apprenticeship
3 schule
3 schüler
3 universität
3 école
3 élève
3 université
3 escuela
3 universidad
3 estudiantes
-2 school of fish
3 schooling
3 school year
3 school district
3 schoolchildren
3 school children
3 class sizes
1 lessons
3 textbook
3 teaching assistant
3 tutor
3 tutoring
1 faculty
1 dean
3 chancellor of the university
3 campuses
3 student loan
3 student debt
1 admissions
1 applicants
3 freshman
3 freshmen
3 undergraduate
3 postgraduate
3 phd
3 doctorate
3 diploma
3 gcse
3 a levels
3 baccalaureate
3 abitur
3 bildung
3 lehrer
3 enseignement
3 enseignants
3 educación
3 profesores
3 school meals
3 school shooting
3 school closure
3 teachers union
3 education budget
3 education reform
3 pupils and teachers
# Issue #6: examinations that are not exams.
-3 post mortem examination
-3 medical examination
