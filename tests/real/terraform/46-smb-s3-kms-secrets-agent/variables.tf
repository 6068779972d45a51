variable "agent_name" {
  default = "trial-agent"
}

variable "share_host" {
  default = "192.0.2.40"
}

variable "share_folder" {
  default = "officeshare"
}

variable "bucket_arn" {
  default = "arn:aws:s3:::example-landing-bucket"
}

variable "bucket_folder" {
  default = "/"
}

variable "bucket_role_arn" {
  default = "arn:aws:iam::<account>:role/service-role/<bucket-role>"
}

variable "task_name" {
  default = "trial-task"
}

variable "encrypted_activation_key" {
  default = "<ciphertext>"
}

variable "encrypted_user" {
  default = "<ciphertext>"
}

variable "encrypted_password" {
  default = "<ciphertext>"
}
