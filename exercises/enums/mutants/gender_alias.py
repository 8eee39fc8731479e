# mutant-of: Gender
# mistake: copy-pastes Male = 0 for Female too, so Female is only an alias of Male

class Gender(Enum):
    Male = 0
    Female = 0
