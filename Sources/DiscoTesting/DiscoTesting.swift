import Disco
