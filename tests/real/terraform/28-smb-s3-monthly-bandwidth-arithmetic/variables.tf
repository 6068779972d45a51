variable "project_name" {
  type    = string
  default = "cis-filesearch"
}

variable "nas_smb_server" {
  type      = string
  sensitive = true
}

variable "nas_smb_subdirectory" {
  type    = string
  default = "/files"
}

variable "nas_smb_username" {
  type      = string
  sensitive = true
}

variable "nas_smb_password" {
  type      = string
  sensitive = true
}

variable "nas_smb_domain" {
  type = string
}

variable "datasync_bandwidth_limit" {
  type    = number
  default = 100
}
